#pragma once
/// A test fake that runs as a child process: `python3 <script> <args…>`, started at once and
/// stopped (SIGTERM, then SIGKILL after 2 s) when the object goes. The script announces itself
/// with one stdout line `LISTENING <word>…` (its ports); the child dies with the test process
/// (PR_SET_PDEATHSIG), so a crashed test leaves no fake behind — strictly, with the thread that
/// started it, so start fakes on a thread that outlives them. Its stderr stays the test's.
/// Thread-safety: one test thread. Ownership: owns the child process.
/// Errors: the constructor throws std::runtime_error when the child does not announce itself
/// within `startup` (it is killed then).

#include <sys/types.h>
#include <chrono>
#include <string>
#include <vector>

namespace askpro::test {

class fake_process {
 public:
  fake_process(const std::string& script, const std::vector<std::string>& args,
               std::chrono::milliseconds startup = std::chrono::seconds{10});
  ~fake_process();
  fake_process(const fake_process&) = delete;
  fake_process& operator=(const fake_process&) = delete;

  /// The words after `LISTENING` (e.g. {"34281", "42463"}).
  const std::vector<std::string>& listening() const { return words_; }
  /// The `i`th word as a port number.
  int port(std::size_t i = 0) const;
  /// Stops the child now (idempotent).
  void stop();

 private:
  pid_t pid_ = -1;
  std::vector<std::string> words_;
};

/// `ASKPRO_SOURCE_DIR/<relative>`: a fake's script in the source tree.
std::string source_path(const std::string& relative);

}  // namespace askpro::test
