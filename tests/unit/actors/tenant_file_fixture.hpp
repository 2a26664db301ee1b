#pragma once
/// Shared by the tenant file suites: a small valid document (company "salon-mitte" with
/// branches "mitte" and "nord", two services, staff "anna") and a helper that applies one change
/// to it and returns the single problem the parser then reports.
/// Thread-safety: test code, one thread.

#include "actors/tenant/tenant_file.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace askpro::actors::tenant::test {

using json = nlohmann::json;

inline json base() {
  return json::parse(R"({
    "slug": "salon-mitte", "name": "Salon Mitte", "timezone": "Europe/Berlin",
    "locale": "de", "country": "DE",
    "branches": [
      {"slug": "mitte", "name": "Mitte", "phone_numbers": ["+493012345678"],
       "hours": {"mon": [["09:00", "12:00"], ["13:00", "18:00"]], "tue": [["09:00", "18:00"]]}},
      {"slug": "nord", "name": "Nord", "phone_numbers": ["030 98765432"],
       "hours": {"sat": [["10:00", "14:00"]]}}
    ],
    "services": [
      {"slug": "herrenhaarschnitt", "name": "Herrenhaarschnitt", "synonyms": ["Haarschnitt Herren"],
       "duration_min": 30, "buffer_after_min": 5, "price_cents": 2800},
      {"slug": "bartpflege", "name": "Bartpflege", "duration_min": 20, "price_cents": 1500}
    ],
    "staff": [{"slug": "anna", "name": "Anna", "branch": "mitte",
               "services": ["herrenhaarschnitt", "bartpflege"]}]
  })");
}

/// Every problem of `doc` as "path: message".
inline std::vector<std::string> problems_of(const json& doc) {
  std::vector<std::string> out;
  for (const auto& p : tenant_file_problems(doc.dump())) out.push_back(to_string(p));
  return out;
}

/// The single problem of `base()` after `change`; also checks parse_tenant_file agrees.
inline std::string refusal(const std::function<void(json&)>& change) {
  json doc = base();
  change(doc);
  auto all = problems_of(doc);
  INFO(doc.dump());
  REQUIRE(all.size() == 1);
  auto parsed = parse_tenant_file(doc.dump());
  REQUIRE_FALSE(parsed);
  CHECK(askpro::code_of(parsed.error()) == askpro::errc::invalid_argument);
  CHECK(askpro::detail_of(parsed.error()) == all.front());
  return all.front();
}

}  // namespace askpro::actors::tenant::test
