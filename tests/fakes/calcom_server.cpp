#include "tests/fakes/calcom_server.hpp"

#include <httplib.h>

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <cstdio>
#include <stdexcept>

namespace askpro::test {
namespace {

std::string script_path() {
  return std::string{ASKPRO_SOURCE_DIR} + "/tests/fakes/calcom/fake_calcom.py";
}

/// Reads one line from `fd` (the child's stdout), at most 200 characters.
std::string read_line(int fd) {
  std::string line;
  char c = 0;
  while (line.size() < 200 && ::read(fd, &c, 1) == 1 && c != '\n') line.push_back(c);
  return line;
}

}  // namespace

calcom_server::calcom_server() {
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // a test that crashes leaves no fake behind
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    auto path = script_path();
    ::execlp("python3", "python3", path.c_str(), "--port", "0", static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  ::close(out[1]);
  auto line = read_line(out[0]);
  ::close(out[0]);
  if (line.rfind("LISTENING ", 0) != 0)
    throw std::runtime_error("fake Cal.com did not start: '" + line + "'");
  port_ = std::stoi(line.substr(10));
}

calcom_server::~calcom_server() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  for (int i = 0; i < 200; ++i) {
    if (::waitpid(pid_, nullptr, WNOHANG) == pid_) return;
    ::usleep(10000);
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
}

std::string calcom_server::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

nlohmann::json calcom_server::control(const std::string& what, const nlohmann::json& body) {
  httplib::Client c{"127.0.0.1", port_};
  auto res = c.Post(("/_control/" + what).c_str(), body.is_null() ? "{}" : body.dump(),
                    "application/json");
  if (!res || res->status >= 300) throw std::runtime_error("fake Cal.com control " + what);
  return res->body.empty() ? nlohmann::json{} : nlohmann::json::parse(res->body);
}

nlohmann::json calcom_server::read(const std::string& what) {
  httplib::Client c{"127.0.0.1", port_};
  auto res = c.Get(("/_control/" + what).c_str());
  if (!res || res->status >= 300) throw std::runtime_error("fake Cal.com read " + what);
  return nlohmann::json::parse(res->body);
}

}  // namespace askpro::test
