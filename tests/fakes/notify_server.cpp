// Starting the fake notification gateways and driving their control API (notify_server.hpp).
#include "tests/fakes/notify_server.hpp"

#include <httplib.h>

#include <stdexcept>
#include <vector>

namespace askpro::test {
namespace {

std::unique_ptr<self_signed_cert> certificate_for(const notify_server_options& opts) {
  if (opts.tls == smtp_tls::none) return nullptr;
  return std::make_unique<self_signed_cert>();
}

std::vector<std::string> arguments(const notify_server_options& opts,
                                   const self_signed_cert* cert) {
  std::vector<std::string> args{"--http-port", "0", "--smtp-port", "0"};
  if (!opts.token.empty()) args.insert(args.end(), {"--token", opts.token});
  if (!opts.smtp_user.empty())
    args.insert(args.end(), {"--smtp-user", opts.smtp_user, "--smtp-password", opts.smtp_password});
  if (cert)
    args.insert(args.end(), {"--tls-cert", cert->cert_file(), "--tls-key", cert->key_file()});
  if (opts.tls == smtp_tls::smtps) args.emplace_back("--smtps");
  return args;
}

}  // namespace

notify_server::notify_server(notify_server_options opts)
    : opts_(std::move(opts)),
      cert_(certificate_for(opts_)),
      process_(source_path("tests/fakes/notify/fake_notify.py"), arguments(opts_, cert_.get())) {
  if (process_.listening().size() != 2)
    throw std::runtime_error("the fake notification gateways announced no SMTP port");
}

notify_server::~notify_server() {
  process_.stop();  // before the certificate it presents goes
}

std::string notify_server::sms_url() const {
  return "http://127.0.0.1:" + std::to_string(http_port()) + "/sms";
}

std::string notify_server::whatsapp_url() const {
  return "http://127.0.0.1:" + std::to_string(http_port()) + "/v17.0";
}

std::string notify_server::smtp_url() const {
  auto scheme = opts_.tls == smtp_tls::smtps ? "smtps" : "smtp";
  return std::string{scheme} + "://127.0.0.1:" + std::to_string(smtp_port());
}

std::string notify_server::ca_file() const {
  return cert_ ? cert_->cert_file() : std::string{};
}

nlohmann::json notify_server::call(const std::string& method, const std::string& what,
                                   const nlohmann::json& body) {
  httplib::Client c{"127.0.0.1", http_port()};
  c.set_connection_timeout(std::chrono::seconds{5});
  c.set_read_timeout(std::chrono::seconds{5});
  auto path = "/_control/" + what;
  auto res =
      method == "GET" ? c.Get(path.c_str()) : c.Post(path.c_str(), body.dump(), "application/json");
  if (!res || res->status != 200)
    throw std::runtime_error("fake notification gateways: " + method + " " + path + " failed");
  return nlohmann::json::parse(res->body);
}

nlohmann::json notify_server::control(const nlohmann::json& modes) {
  return call("POST", "mode", modes);
}

nlohmann::json notify_server::auth(const nlohmann::json& credentials) {
  return call("POST", "auth", credentials);
}

nlohmann::json notify_server::messages() {
  return call("GET", "messages", nullptr);
}

nlohmann::json notify_server::attempts() {
  return call("GET", "attempts", nullptr);
}

void notify_server::reset() {
  call("POST", "reset", nlohmann::json::object());
}

}  // namespace askpro::test
