// Durability: a booking acknowledged by the actors survives a kill -9 of the process that made
// it. The test seeds a database, launches booking_kill_node on it, reads "booked <id>", sends
// SIGKILL, and finds the appointment after reopening the database.
#include "tests/integration/booking_fixture.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

using namespace askpro;
using namespace askpro::test;

namespace {

std::vector<std::string> node_args(const backend& db) {
  auto s = db.settings();
  if (!db.is_mysql()) return {BOOKING_KILL_NODE, "sqlite", s.sqlite_path};
  return {BOOKING_KILL_NODE, "mysql",          s.mysql_host,    std::to_string(s.mysql_port),
          s.mysql_user,      s.mysql_password, s.mysql_database};
}

/// Runs the node, returns its "booked <id>" line; the node is killed with SIGKILL after.
std::string book_then_kill(const std::vector<std::string>& args, int& status) {
  int out[2];
  REQUIRE(::pipe(out) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  // The first line starting with "booked " (log lines may come first), or "" at EOF.
  std::string line;
  char c = 0;
  while (::read(out[0], &c, 1) == 1) {
    if (c != '\n') {
      line += c;
      continue;
    }
    if (line.rfind("booked ", 0) == 0) break;
    line.clear();
  }
  ::close(out[0]);
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return line;
}

}  // namespace

BOOKING_CASE("A booking acknowledged before kill -9 is there after restart", "[kill]") {
  seed_salon(db);
  int status = 0;
  auto line = book_then_kill(node_args(db), status);
  REQUIRE(line.rfind("booked ", 0) == 0);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
  const auto id = std::stoll(line.substr(7));
  auto conn = db.connect();
  auto rs = expect_ok(conn->query("SELECT status FROM appointments WHERE id = ?", {id}));
  REQUIRE(rs.size() == 1);
  CHECK(expect_ok(rs[0].get<std::string>("status")) == "booked");
  // A fresh runtime on the same database sees the slot as taken.
  booking_node n{db.settings()};
  auto again = expect_ok(book(n, cut_at(berlin(2026, 12, 2, 10), std::string{"anna"})));
  CHECK_FALSE(again.booked);
  CHECK(again.status == actors::calendar::check_status::slot_taken);
}
