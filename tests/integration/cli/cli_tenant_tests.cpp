// `askpro tenant apply`: the real binary on a temporary SQLite database.
#include "tests/integration/cli/cli_runner.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <functional>

using askpro::test::cli_site;
using askpro::test::demo_tenant_text;
using nlohmann::json;

namespace {

/// The demo file changed by `edit`, written into `site`; yields its path.
std::string edited_demo(const cli_site& site, const std::function<void(json&)>& edit) {
  json doc = json::parse(demo_tenant_text());
  edit(doc);
  return site.write_file("tenant.json", doc.dump(2));
}

/// Applies a file with one problem: exit 1, the path on stderr, no company written.
void expect_refused(const std::function<void(json&)>& edit, const std::string& expected) {
  cli_site site;
  REQUIRE(site.run({"migrate"}).exit_code == 0);
  auto r = site.run({"tenant", "apply", edited_demo(site, edit)});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(expected) != std::string::npos);
  CHECK(r.out.empty());
  CHECK(site.count("companies") == 0);
  CHECK(site.count("branches") == 0);
}

}  // namespace

TEST_CASE("tenant apply prints the slug and applying again is fine", "[cli][tenant]") {
  cli_site site;
  const auto file = site.write_file("demo.json", demo_tenant_text());
  auto first = site.run({"tenant", "apply", file});
  INFO("stderr: " << first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(first.last_line() == "salon-lindenblatt");
  CHECK(first.err.find("created") != std::string::npos);
  CHECK(first.err.find("key_demo_") == std::string::npos);  // secrets never echoed
  CHECK(site.count("companies") == 1);
  CHECK(site.count("branches") == 2);
  CHECK(site.count("phone_numbers") == 3);
  CHECK(site.count("services") == 5);
  CHECK(site.count("staff") == 4);
  auto second = site.run({"tenant", "apply", file});
  REQUIRE(second.exit_code == 0);
  CHECK(second.last_line() == "salon-lindenblatt");
  CHECK(second.err.find("unchanged") != std::string::npos);
  CHECK(site.count("companies") == 1);
  auto renamed =
      site.run({"tenant", "apply",
                edited_demo(site, [](json& d) { d["services"][0]["name"] = "Herrenschnitt"; })});
  REQUIRE(renamed.exit_code == 0);
  CHECK(renamed.err.find("updated") != std::string::npos);
  CHECK(site.count("services") == 5);
}

TEST_CASE("tenant apply refuses an unknown key", "[cli][tenant]") {
  expect_refused([](json& d) { d["colour"] = "red"; }, "colour: unknown key");
}

TEST_CASE("tenant apply refuses a bad time with the interval's path", "[cli][tenant]") {
  expect_refused(
      [](json& d) {
        d["branches"][0]["hours"]["mon"] =
            json::parse(R"([["09:00", "12:00"], ["13:00", "25:00"]])");
      },
      "branches[0].hours.mon[1]: ");
}

TEST_CASE("tenant apply refuses overlapping intervals", "[cli][tenant]") {
  expect_refused(
      [](json& d) {
        d["branches"][0]["hours"]["mon"] =
            json::parse(R"([["09:00", "12:00"], ["11:00", "18:00"]])");
      },
      "branches[0].hours.mon[1]: overlaps branches[0].hours.mon[0]");
}

TEST_CASE("tenant apply refuses an unknown time zone", "[cli][tenant]") {
  expect_refused([](json& d) { d["branches"][1]["timezone"] = "Mars/Olympus"; },
                 "branches[1].timezone: unknown time zone");
}

TEST_CASE("tenant apply refuses an invalid phone number", "[cli][tenant]") {
  expect_refused([](json& d) { d["branches"][0]["phone_numbers"][0] = "+49 30 1"; },
                 "branches[0].phone_numbers[0]: not a valid phone number");
}

TEST_CASE("tenant apply refuses staff with an unknown service or branch", "[cli][tenant]") {
  expect_refused([](json& d) { d["staff"][0]["services"][1] = "manikuere"; },
                 "staff[0].services[1]: unknown service");
  expect_refused([](json& d) { d["staff"][2]["branch"] = "sued"; },
                 "staff[2].branch: unknown branch");
}

TEST_CASE("tenant apply lists every problem of the file", "[cli][tenant]") {
  cli_site site;
  auto r = site.run({"tenant", "apply", edited_demo(site, [](json& d) {
                       d["colour"] = "red";
                       d["timezone"] = "Europe/Berlinn";
                       d["staff"][1]["branch"] = "sued";
                     })});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("colour: unknown key") != std::string::npos);
  CHECK(r.err.find("timezone: unknown time zone") != std::string::npos);
  CHECK(r.err.find("staff[1].branch: unknown branch") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("tenant apply refuses a number another tenant owns and writes nothing", "[cli][tenant]") {
  cli_site site;
  REQUIRE(site.run({"tenant", "apply", site.write_file("a.json", demo_tenant_text())}).exit_code ==
          0);
  auto r =
      site.run({"tenant", "apply", edited_demo(site, [](json& d) { d["slug"] = "salon-zwei"; })});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("mitte") != std::string::npos);
  CHECK(r.err.find("91204410") == std::string::npos);
  CHECK(site.count("companies") == 1);
  CHECK(site.count("branches") == 2);
}

TEST_CASE("tenant apply of a missing file or without a file fails", "[cli][tenant]") {
  cli_site site;
  auto missing = site.run({"tenant", "apply", site.dir() + "/nope.json"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("nope.json") != std::string::npos);
  CHECK(site.run({"tenant", "apply"}).exit_code == 2);
}
