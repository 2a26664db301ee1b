#pragma once
/// A throw-away self-signed certificate (P-256, one day) for `localhost` and 127.0.0.1, made
/// with the openssl command in a fresh temporary directory that goes with the object. Its
/// certificate file is also the CA file a client trusts to reach a server presenting it.
/// Thread-safety: one test thread. Ownership: owns the directory and both files.
/// Errors: the constructor throws std::runtime_error when openssl is missing or fails.

#include <string>

namespace askpro::test {

class self_signed_cert {
 public:
  self_signed_cert();
  ~self_signed_cert();
  self_signed_cert(const self_signed_cert&) = delete;
  self_signed_cert& operator=(const self_signed_cert&) = delete;

  /// PEM certificate (give it to a client as its CA file).
  const std::string& cert_file() const { return cert_; }
  /// PEM private key, unencrypted.
  const std::string& key_file() const { return key_; }

 private:
  void remove_files();
  std::string dir_, cert_, key_;
};

}  // namespace askpro::test
