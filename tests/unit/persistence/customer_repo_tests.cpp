// The customer repository on both backends: one customer per number and tenant, even when
// created concurrently.
#include "persistence/database.hpp"
#include "persistence/migrate.hpp"
#include "persistence/repo/customer_repo.hpp"
#include "tests/unit/persistence/backend.hpp"
#include "tests/unit/persistence/domain_fixture.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <set>
#include <thread>

using namespace askpro::persistence;
using askpro::test::count_rows;
using askpro::test::expect_ok;

PERSISTENCE_CASE("find_or_create_customer creates once and fills an empty name", "[customer]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  auto rival = askpro::test::insert_domain(*conn, "rival");
  auto first = expect_ok(find_or_create_customer(*conn, ids.scope(), "+4930111", "", 5));
  CHECK(first.id > 0);
  CHECK(first.phone_e164 == std::optional<std::string>{"+4930111"});
  CHECK(first.name.empty());
  CHECK(first.created_at == 5);
  auto named = expect_ok(find_or_create_customer(*conn, ids.scope(), "+4930111", "Kim", 6));
  CHECK(named.id == first.id);
  CHECK(named.name == "Kim");
  auto kept = expect_ok(find_or_create_customer(*conn, ids.scope(), "+4930111", "Other", 7));
  CHECK(kept.name == "Kim");  // a stored name is not overwritten
  auto theirs = expect_ok(find_or_create_customer(*conn, rival.scope(), "+4930111", "", 8));
  CHECK(theirs.id != first.id);
  CHECK(count_rows(*conn, "customers") == 2);
  CHECK(expect_ok(find_customer(*conn, ids.scope(), first.id))->name == "Kim");
  CHECK_FALSE(expect_ok(find_customer(*conn, rival.scope(), first.id)));
  CHECK(expect_ok(find_customer_by_phone(*conn, rival.scope(), "+4930111"))->id == theirs.id);
  CHECK_FALSE(expect_ok(find_customer_by_phone(*conn, ids.scope(), "+4930999")));
}

PERSISTENCE_CASE("20 threads create the same number: one customer row", "[customer][race]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "acme");
  askpro::test::start_gate gate{20};
  std::mutex mtx;
  std::set<int64_t> seen_ids;
  std::atomic<int> failed{0};
  std::string first_error;
  std::vector<std::thread> threads;
  for (int i = 0; i < 20; ++i)
    threads.emplace_back([&] {
      auto c = open(db.settings());
      gate.arrive_and_wait();
      auto out = c ? find_or_create_customer(**c, ids.scope(), "+4930222", "Sam", 1)
                   : askpro::Result<customer_record>{c.error()};
      std::lock_guard<std::mutex> lock{mtx};
      if (out) {
        seen_ids.insert(out->id);
        return;
      }
      ++failed;
      if (first_error.empty()) first_error = askpro::describe(out.error());
    });
  for (auto& th : threads) th.join();
  INFO(first_error);
  CHECK(failed == 0);
  CHECK(seen_ids.size() == 1);
  CHECK(count_rows(*conn, "customers") == 1);
}
