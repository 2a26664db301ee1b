#include "tests/integration/ops_fixture.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace askpro::test {

ops_client::ops_client(const voice_node& n, std::string token)
    : client_("127.0.0.1", n.ops_port()),
      headers_{{"Authorization", "Bearer " + token}, {"X-Ops-User", "tester"}} {
  client_.set_read_timeout(std::chrono::seconds{30});
}

httplib::Result ops_client::get(const std::string& path, const httplib::Headers& extra) {
  auto h = headers_;
  h.insert(extra.begin(), extra.end());
  return client_.Get(path.c_str(), h);
}

httplib::Result ops_client::post(const std::string& path, const httplib::Headers& extra) {
  auto h = headers_;
  h.insert(extra.begin(), extra.end());
  return client_.Post(path.c_str(), h, "", "application/json");
}

nlohmann::json ops_client::get_json(const std::string& path) {
  auto res = get(path);
  REQUIRE(res);
  INFO(path << ": " << res->body);
  REQUIRE(res->status == 200);
  return nlohmann::json::parse(res->body);
}

std::string ops_client::scrape() {
  auto res = get("/metrics");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "text/plain; version=0.0.4; charset=utf-8");
  return res->body;
}

samples parse_samples(const std::string& text) {
  samples out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto space = line.rfind(' ');
    if (space == std::string::npos) continue;
    out[line.substr(0, space)] = std::stod(line.substr(space + 1));
  }
  return out;
}

double delta(const samples& before, const samples& after, const std::string& key) {
  auto value = [&key](const samples& s) {
    auto it = s.find(key);
    return it == s.end() ? 0.0 : it->second;
  };
  return value(after) - value(before);
}

}  // namespace askpro::test
