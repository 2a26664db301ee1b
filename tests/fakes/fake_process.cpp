// Starting, reading and stopping a fake's child process (fake_process.hpp).
#include "tests/fakes/fake_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace askpro::test {
namespace {

using clock_type = std::chrono::steady_clock;

/// The first line the child writes to `fd` (at most 200 characters), waiting until `deadline`;
/// "" when none comes (end of file or time-out).
std::string first_line(int fd, clock_type::time_point deadline) {
  std::string line;
  while (line.size() < 200) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock_type::now());
    if (left.count() <= 0) return {};
    pollfd p{fd, POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    char c = 0;
    if (ready <= 0 || ::read(fd, &c, 1) != 1) return {};
    if (c == '\n') break;
    line.push_back(c);
  }
  return line;
}

std::vector<std::string> words_of(const std::string& line) {
  std::istringstream in{line};
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

/// Forks `python3 <script> <args…>` with its stdout on `out[1]`; the child never returns.
pid_t spawn(const std::string& script, const std::vector<std::string>& args, const int out[2]) {
  std::vector<std::string> words{"python3", script};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;  // built before fork: the child only makes async-signal-safe calls
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid != 0) return pid;
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);          // a test that crashes leaves no fake behind
  if (::getppid() != parent) std::_Exit(127);  // the test died before prctl took effect
  ::dup2(out[1], STDOUT_FILENO);
  ::execvp("python3", argv.data());
  std::_Exit(127);
}

}  // namespace

fake_process::fake_process(const std::string& script, const std::vector<std::string>& args,
                           std::chrono::milliseconds startup) {
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_ = spawn(script, args, out);
  ::close(out[1]);
  if (pid_ < 0) {
    ::close(out[0]);
    throw std::runtime_error("fork failed");
  }
  auto line = first_line(out[0], clock_type::now() + startup);
  ::close(out[0]);
  auto words = words_of(line);
  if (words.size() < 2 || words.front() != "LISTENING") {
    stop();
    throw std::runtime_error("fake " + script + " did not start: '" + line + "'");
  }
  words_.assign(words.begin() + 1, words.end());
}

fake_process::~fake_process() {
  stop();
}

int fake_process::port(std::size_t i) const {
  if (i >= words_.size()) throw std::out_of_range("the fake announced no such port");
  return std::stoi(words_[i]);
}

void fake_process::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  for (int i = 0; i < 200; ++i) {
    if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    ::usleep(10000);
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::string source_path(const std::string& relative) {
  return std::string{ASKPRO_SOURCE_DIR} + "/" + relative;
}

}  // namespace askpro::test
