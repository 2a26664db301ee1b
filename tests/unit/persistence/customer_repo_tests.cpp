// The customer repository on both backends: one customer per number and tenant, even when
// created concurrently.
#include "persistence/database.hpp"
#include "persistence/migrate.hpp"
#include "persistence/repo/audit_repo.hpp"
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

PERSISTENCE_CASE("customers are listed by number, by name part and in id pages", "[customers]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "salon-a");
  auto other = askpro::test::insert_domain(*conn, "salon-b");
  auto scope = ids.scope();
  for (const auto& [phone, name] :
       std::vector<std::pair<std::string, std::string>>{{"+4915100000001", "Anna Schmidt"},
                                                        {"+4915100000002", "Jörg Weiß"},
                                                        {"+4915100000003", "Max 100% Muster"},
                                                        {"+4915100000004", "max_mustermann"}})
    askpro::test::expect_ok(find_or_create_customer(*conn, scope, phone, name, 1));
  askpro::test::expect_ok(
      find_or_create_customer(*conn, other.scope(), "+4915100000001", "Fremd", 1));

  customer_filter by_phone;
  by_phone.phone_e164 = "+4915100000002";
  auto found = askpro::test::expect_ok(list_customers(*conn, scope, by_phone));
  REQUIRE(found.size() == 1);
  CHECK(found[0].name == "Jörg Weiß");
  customer_filter by_name;
  by_name.name_contains = "max";
  CHECK(askpro::test::expect_ok(list_customers(*conn, scope, by_name)).size() == 2);
  by_name.name_contains = "100%";  // % matches literally
  CHECK(askpro::test::expect_ok(list_customers(*conn, scope, by_name)).size() == 1);
  by_name.name_contains = "x_m";  // _ matches literally
  CHECK(askpro::test::expect_ok(list_customers(*conn, scope, by_name)).size() == 1);
  customer_filter page;
  page.limit = 3;
  auto first = askpro::test::expect_ok(list_customers(*conn, scope, page));
  REQUIRE(first.size() == 3);
  page.after_id = first.back().id;
  auto second = askpro::test::expect_ok(list_customers(*conn, scope, page));
  REQUIRE(second.size() == 1);
  CHECK(second[0].name == "max_mustermann");
}

PERSISTENCE_CASE("a customer patch changes only given fields and only the tenant's",
                 "[customers]") {
  auto conn = db.migrated();
  auto ids = askpro::test::insert_domain(*conn, "salon-a");
  auto other = askpro::test::insert_domain(*conn, "salon-b");
  auto c = askpro::test::expect_ok(
      find_or_create_customer(*conn, ids.scope(), "+4915100000001", "Anna", 1));
  customer_patch patch;
  patch.email = "anna@example.org";
  patch.consent_sms = true;
  auto updated = askpro::test::expect_ok(
      update_customer(*conn, ids.scope(), c.id, patch, 50, {"api:test", "req-1"}));
  REQUIRE(updated);
  CHECK(updated->name == "Anna");
  CHECK(updated->email == "anna@example.org");
  CHECK(updated->consent_sms);
  CHECK_FALSE(updated->consent_email);
  CHECK(updated->updated_at == 50);
  CHECK_FALSE(askpro::test::expect_ok(
      update_customer(*conn, other.scope(), c.id, patch, 60, {"api:test", "req-2"})));
  CHECK(askpro::test::expect_ok(find_customer(*conn, ids.scope(), c.id))->updated_at == 50);
  // One audit event of the change, naming the fields but not their values.
  auto events = askpro::test::expect_ok(list_audit(*conn, ids.scope(), 0, 10));
  REQUIRE(events.size() == 1);
  CHECK(events[0].action == "customer.updated");
  CHECK(events[0].actor == "api:test");
  CHECK(events[0].payload.find("\"email\"") != std::string::npos);
  CHECK(events[0].payload.find("anna@example.org") == std::string::npos);
  CHECK(askpro::test::expect_ok(list_audit(*conn, other.scope(), 0, 10)).empty());
}
