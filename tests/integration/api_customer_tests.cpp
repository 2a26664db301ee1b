// Tenant API customers on SQLite and MariaDB: search by phone in any format and by name, one by
// id, PATCH with field errors, isolation between tenants, pages stable under inserts, fields=,
// ETag/304 and gzip.
#include "tests/integration/api_call_fixture.hpp"

#include <zlib.h>

#include <algorithm>
#include <set>

using nlohmann::json;
using namespace askpro::test;

namespace {

std::string gunzip(const std::string& in) {
  z_stream zs{};
  REQUIRE(inflateInit2(&zs, 16 + MAX_WBITS) == Z_OK);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
  }
  inflateEnd(&zs);
  REQUIRE(rc == Z_STREAM_END);
  return out;
}

}  // namespace

API_CASE("api customers: search by phone in any format and by name", "[customers]") {
  api_node node{db};
  auto anna = node.add_customer("salon", "+4930123456", "Anna Schmidt");
  node.add_customer("salon", "+4930999999", "Ben Berg");
  auto token = node.token("salon", "read");
  for (const char* form :
       {"030%20123456", "%2B49%2030%20123456", "0049-30-123456", "(030)123456"}) {
    auto page = node.get_json(std::string{"/api/v2/customers?phone="} + form, token);
    INFO(form);
    CHECK(ids_of(page) == std::vector<int64_t>{anna.id});
    CHECK(page["data"][0]["phone"] == "+4930123456");
  }
  CHECK(ids_of(node.get_json("/api/v2/customers?name=schMI", token)) ==
        std::vector<int64_t>{anna.id});
  CHECK(node.get_json("/api/v2/customers?name=nobody", token)["data"].empty());
  CHECK(node.get_json("/api/v2/customers", token)["data"].size() == 2);
  auto bad = node.get("/api/v2/customers?phone=abc", token);
  REQUIRE(bad);
  CHECK(bad->status == 422);
  CHECK(bad->get_header_value("Content-Type") == "application/problem+json");
  CHECK(json::parse(bad->body)["errors"][0]["field"] == "phone");
  auto one = node.get_json("/api/v2/customers/" + std::to_string(anna.id), token);
  CHECK(one["name"] == "Anna Schmidt");
  CHECK(one["created_at"] == "2026-12-01T08:00:00Z");
}

API_CASE("api customers: another tenant's customer is not found and never listed", "[customers]") {
  api_node node{db};
  auto anna = node.add_customer("salon", "+4930123456", "Anna Schmidt");
  auto carl = node.add_customer("bistro", "+4311234567", "Carl");
  auto bistro = node.token("bistro");
  auto foreign = node.get("/api/v2/customers/" + std::to_string(anna.id), bistro);
  auto missing = node.get("/api/v2/customers/99999999", bistro);
  REQUIRE(foreign);
  REQUIRE(missing);
  CHECK(foreign->status == 404);
  CHECK(foreign->body == missing->body);
  CHECK(node.get("/api/v2/customers/abc", bistro)->status == 404);
  auto patched =
      node.patch("/api/v2/customers/" + std::to_string(anna.id), bistro, R"({"name":"Stolen"})");
  REQUIRE(patched);
  CHECK(patched->status == 404);
  CHECK(patched->body == missing->body);
  CHECK(ids_of(node.get_json("/api/v2/customers", bistro)) == std::vector<int64_t>{carl.id});
  CHECK(node.get_json("/api/v2/customers?phone=%2B4930123456", bistro)["data"].empty());
  auto salon = node.token("salon");
  CHECK(node.get_json("/api/v2/customers/" + std::to_string(anna.id), salon)["name"] ==
        "Anna Schmidt");
  CHECK(node.get("/api/v2/customers", "")->status == 401);
  CHECK(node.get("/api/v2/customers", "apk_unknown")->status == 401);
}

API_CASE("api customers: pages stay complete while customers are added", "[customers]") {
  api_node node{db};
  std::set<int64_t> all;
  for (int i = 0; i < 5; ++i)
    all.insert(node.add_customer("salon", "+49301000" + std::to_string(100 + i), "c").id);
  auto token = node.token("salon", "read");
  std::vector<int64_t> seen;
  std::string path = "/api/v2/customers?limit=2";
  for (int page = 0; page < 10; ++page) {
    auto doc = node.get_json(path, token);
    for (auto id : ids_of(doc)) seen.push_back(id);
    if (page == 0)  // inserted between pages: sorted after the cursor, so they appear later
      for (int i = 0; i < 2; ++i)
        all.insert(node.add_customer("salon", "+49302000" + std::to_string(100 + i), "n").id);
    if (doc["next_cursor"].is_null()) break;
    CHECK(doc["data"].size() == 2);
    path = "/api/v2/customers?limit=2&cursor=" + doc["next_cursor"].get<std::string>();
  }
  CHECK(std::set<int64_t>(seen.begin(), seen.end()) == all);
  CHECK(seen.size() == all.size());
  CHECK(std::is_sorted(seen.begin(), seen.end()));
  CHECK(node.get("/api/v2/customers?limit=0", token)->status == 422);
  CHECK(node.get("/api/v2/customers?cursor=zz!", token)->status == 422);
}

API_CASE("api customers: PATCH changes name, email and notes, field by field", "[customers]") {
  api_node node{db};
  auto anna = node.add_customer("salon", "+4930123456", "Anna");
  const auto path = "/api/v2/customers/" + std::to_string(anna.id);
  auto reader = node.token("salon", "read");
  auto admin = node.token("salon", "admin");
  auto forbidden = node.patch(path, reader, R"({"name":"X"})");
  REQUIRE(forbidden);
  CHECK(forbidden->status == 403);
  auto invalid = node.patch(path, admin, R"({"name":"  ","email":"nope","notes":5,"age":1})");
  REQUIRE(invalid);
  INFO(invalid->body);
  CHECK(invalid->status == 422);
  std::set<std::string> fields;
  auto problem = json::parse(invalid->body);
  for (const auto& e : problem["errors"]) fields.insert(e["field"].get<std::string>());
  CHECK(fields == std::set<std::string>{"name", "email", "notes", "age"});
  CHECK(json::parse(node.patch(path, admin, "{}")->body)["errors"][0]["field"] == "body");
  CHECK(node.patch(path, admin, "{not json")->status == 400);
  node.clock().advance(std::chrono::minutes{5});
  auto ok = node.patch(path, admin, R"({"email":"anna@example.org","notes":"VIP"})");
  REQUIRE(ok);
  INFO(ok->body);
  REQUIRE(ok->status == 200);
  auto now = node.get_json(path, reader);
  CHECK(now["name"] == "Anna");
  CHECK(now["email"] == "anna@example.org");
  CHECK(now["notes"] == "VIP");
  CHECK(now["updated_at"] == "2026-12-01T08:05:00Z");
  CHECK(now["phone"] == "+4930123456");
}

API_CASE("api customers: fields, ETag with 304 and gzip", "[customers]") {
  api_node node{db};
  for (int i = 0; i < 30; ++i)
    node.add_customer("salon", "+49301000" + std::to_string(100 + i),
                      "Kundin Nummer " + std::to_string(i));
  auto token = node.token("salon", "read");
  auto slim = node.get_json("/api/v2/customers?fields=name", token);
  CHECK(slim["data"][0].size() == 2);  // id is always kept
  CHECK(slim["data"][0].contains("name"));
  auto first = node.get("/api/v2/customers", token);
  REQUIRE(first);
  auto etag = first->get_header_value("ETag");
  REQUIRE_FALSE(etag.empty());
  auto again = node.get("/api/v2/customers", token, {{"If-None-Match", etag}});
  REQUIRE(again);
  CHECK(again->status == 304);
  CHECK(again->body.empty());
  node.add_customer("salon", "+4930555555", "Neu");
  CHECK(node.get("/api/v2/customers", token, {{"If-None-Match", etag}})->status == 200);

  auto c = node.client();
  c.set_decompress(false);
  auto zipped = c.Get("/api/v2/customers",
                      {{"Authorization", "Bearer " + token}, {"Accept-Encoding", "gzip"}});
  REQUIRE(zipped);
  CHECK(zipped->status == 200);
  CHECK(zipped->get_header_value("Content-Encoding") == "gzip");
  CHECK(zipped->get_header_value("Vary") == "Accept-Encoding");
  CHECK(zipped->get_header_value("ETag").rfind("W/\"", 0) == 0);  // weak: gzip or not
  auto plain = node.get("/api/v2/customers", token);
  CHECK(zipped->get_header_value("ETag") == plain->get_header_value("ETag"));
  CHECK(zipped->body.size() < plain->body.size());
  CHECK(json::parse(gunzip(zipped->body)) == json::parse(plain->body));
  auto identity = c.Get("/api/v2/customers", {{"Authorization", "Bearer " + token}});
  CHECK_FALSE(identity->has_header("Content-Encoding"));
}
