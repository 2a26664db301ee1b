// Callback requests: once per call, the preferred time kept apart from the reason (NULL when
// none was named), on SQLite and MariaDB.
#include "persistence/repo/callback_repo.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/domain_fixture.hpp"

#include <catch2/catch.hpp>

using namespace askpro::persistence;
using askpro::test::count_rows;
using askpro::test::expect_ok;
using askpro::test::insert_domain;

namespace {
callback_request request_of(const std::string& call_id, int64_t branch) {
  callback_request r;
  r.branch_id = branch;
  r.retell_call_id = call_id;
  r.phone_e164 = "+4915112345678";
  r.name = "Erika";
  r.reason = "Frage zum Preis";
  return r;
}
}  // namespace

PERSISTENCE_CASE("a callback request keeps its preferred time in its own column", "[callback]") {
  auto conn = db.migrated();
  auto ids = insert_domain(*conn, "salon-a");
  auto with_time = request_of("call_1", ids.branch);
  with_time.preferred_time = "morgen ab 14 Uhr";
  auto first = expect_ok(record_callback(*conn, ids.scope(), with_time, 1000));
  CHECK_FALSE(first.existing);
  CHECK(first.record.reason == "Frage zum Preis");
  CHECK(first.record.preferred_time == std::optional<std::string>{"morgen ab 14 Uhr"});
  CHECK(first.record.status == "open");

  auto repeat = request_of("call_1", ids.branch);  // a retry without the time changes nothing
  auto second = expect_ok(record_callback(*conn, ids.scope(), repeat, 2000));
  CHECK(second.existing);
  CHECK(second.record.id == first.record.id);
  CHECK(second.record.preferred_time == std::optional<std::string>{"morgen ab 14 Uhr"});

  auto without =
      expect_ok(record_callback(*conn, ids.scope(), request_of("call_2", ids.branch), 3000));
  CHECK_FALSE(without.record.preferred_time);
  auto stored = expect_ok(find_callback_of_call(*conn, ids.scope(), "call_2"));
  REQUIRE(stored);
  CHECK_FALSE(stored->preferred_time);
  CHECK(count_rows(*conn, "callback_requests") == 2);
}
