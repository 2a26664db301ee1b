// Making and removing a test certificate with the openssl command (self_signed_cert.hpp).
#include "tests/fakes/self_signed_cert.hpp"

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace askpro::test {

self_signed_cert::self_signed_cert() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string{tmp && *tmp ? tmp : "/tmp"} + "/askpro-cert-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  cert_ = dir_ + "/cert.pem";
  key_ = dir_ + "/key.pem";
  auto command =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
      " -days 1 -subj /CN=localhost"
      " -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout '" +
      key_ + "' -out '" + cert_ + "' >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) {
    remove_files();
    throw std::runtime_error("openssl could not make a test certificate");
  }
}

self_signed_cert::~self_signed_cert() {
  remove_files();
}

void self_signed_cert::remove_files() {
  std::remove(cert_.c_str());
  std::remove(key_.c_str());
  ::rmdir(dir_.c_str());
}

}  // namespace askpro::test
