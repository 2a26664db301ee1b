#include "tests/fakes/calcom_server.hpp"

#include <httplib.h>

#include <stdexcept>

namespace askpro::test {

calcom_server::calcom_server()
    : process_(source_path("tests/fakes/calcom/fake_calcom.py"), {"--port", "0"}),
      port_(process_.port()) {}

std::string calcom_server::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

nlohmann::json calcom_server::control(const std::string& what, const nlohmann::json& body) {
  httplib::Client c{"127.0.0.1", port_};
  auto res = c.Post(("/_control/" + what).c_str(), body.is_null() ? "{}" : body.dump(),
                    "application/json");
  if (!res || res->status >= 300) throw std::runtime_error("fake Cal.com control " + what);
  return res->body.empty() ? nlohmann::json{} : nlohmann::json::parse(res->body);
}

nlohmann::json calcom_server::read(const std::string& what) {
  httplib::Client c{"127.0.0.1", port_};
  auto res = c.Get(("/_control/" + what).c_str());
  if (!res || res->status >= 300) throw std::runtime_error("fake Cal.com read " + what);
  return nlohmann::json::parse(res->body);
}

}  // namespace askpro::test
