// `askpro shell`: a chunk or the prompt, in-process (a runtime booted from the configuration, no
// listeners) or on a running server through the ops listener's POST /ops/eval.
#include "net/edge.hpp"
#include "net/ops/ops_client.hpp"
#include "net/retell/routes.hpp"
#include "runtime/app/commands.hpp"
#include "runtime/app/data_keys.hpp"
#include "runtime/app/node.hpp"
#include "runtime/app/shell/rt_module.hpp"
#include "runtime/app/shell/shell_repl.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace askpro::app {
namespace {

using runtime::lua::lua_outcome;

/// The chunk given on the command line or stdin: (source, name); nullopt for the prompt.
std::optional<std::pair<std::string, std::string>> chunk_of(const shell_options& o) {
  if (o.code) return std::make_pair(*o.code, std::string{"=(command line)"});
  std::stringstream text;
  if (!o.script.empty()) {
    std::ifstream in(o.script);
    if (!in) throw std::runtime_error("cannot read " + o.script);
    text << in.rdbuf();
    return std::make_pair(text.str(), "@" + std::filesystem::path(o.script).filename().string());
  }
  if (::isatty(STDIN_FILENO)) return std::nullopt;
  text << std::cin.rdbuf();
  return std::make_pair(text.str(), std::string{"=stdin"});
}

std::string history_file(const config::settings& s) {
  auto dir = std::filesystem::path(s.storage.sqlite_path).parent_path();
  return ((dir.empty() ? std::filesystem::path{"var"} : dir) / "shell_history").string();
}

lua_outcome remote_run(const net::ops::ops_endpoint& to, const std::string& code) {
  auto answer = net::ops::ops_request(to, "POST", "/ops/eval", code, "text/x-lua");
  lua_outcome out;
  if (!answer.error.empty()) return out.error = answer.error, out;
  auto doc = nlohmann::json::parse(answer.body, nullptr, false);
  if (answer.status != 200 || !doc.is_object()) {
    out.error = "the server answered HTTP " + std::to_string(answer.status) +
                (doc.is_object() ? ": " + doc.value("detail", std::string{}) : "");
    return out;
  }
  out.ok = doc.value("ok", false);
  out.result_json = doc.contains("result") ? doc["result"].dump() : "null";
  out.output = doc.value("output", std::string{});
  out.error = doc.value("error", std::string{});
  return out;
}

int run_with(const chunk_runner& run, const shell_options& o, const std::string& history) {
  auto chunk = chunk_of(o);
  runtime::lua::lua_engine syntax;
  if (!chunk) return run_repl(syntax, run, history);
  return print_outcome(run(chunk->first, chunk->second)) ? 0 : 1;
}

int connected(const config::settings& s, const shell_options& o) {
  net::ops::ops_endpoint to;
  to.base_url = *o.connect;
  to.token = o.token.value_or(s.ops.token);
  const char* user = std::getenv("USER");
  to.user = user ? user : "shell";
  to.timeout = std::chrono::seconds{60};
  return run_with(
      [&to](const std::string& code, const std::string&) { return remote_run(to, code); }, o,
      history_file(s));
}

/// The API listener of an in-process shell (loopback, any port) with the Retell routes only,
/// for rt.simulate_call.
Result<std::pair<std::unique_ptr<net::edge>, uint16_t>> start_call_edge(const config::settings& s,
                                                                        node& n) {
  auto es = s;
  es.http.listen = {"127.0.0.1", 0};
  es.ops.listen = {"127.0.0.1", 0};
  es.http.threads = 8;
  auto edge = std::make_unique<net::edge>(es, n.system(), n.registry());
  edge->add_api_routes(net::retell::make_routes({&n.system(), n.registry(), n.clock()}));
  auto ports = edge->start();
  if (!ports) return std::move(ports.error());
  return std::make_pair(std::move(edge), ports->api);
}

int in_process(const config::settings& plain, const shell_options& o) {
  auto ready = ready_storage(plain);
  if (!ready) {
    std::cerr << "askpro shell: " << describe(ready.error()) << "\n";
    return code_of(ready.error()) == errc::config ? 2 : 1;
  }
  const auto& s = *ready;
  node n{s};
  uint16_t edge_port = 0;
  if (auto started = n.start(); !started) {
    std::cerr << "askpro shell: cannot start the runtime: " << describe(started.error()) << "\n";
    return 1;
  }
  std::unique_ptr<net::edge> edge;  // started by the first rt.simulate_call
  rt_env env{&n.system(), n.registry(), n.clock()};
  env.api_url = [&]() -> Result<std::string> {
    if (!edge) {
      auto started = start_call_edge(s, n);
      if (!started) return std::move(started.error());
      edge = std::move(started->first);
      edge_port = started->second;
    }
    return "http://127.0.0.1:" + std::to_string(edge_port);
  };
  runtime::lua::lua_engine engine;
  open_rt(engine, env);
  engine.on_print([](const std::string& text) { std::cout << text << std::flush; });
  int rc = run_with([&engine](const std::string& code,
                              const std::string& name) { return engine.run(code, name); },
                    o, history_file(s));
  if (edge) edge->stop();
  n.stop(s.runtime.shutdown_timeout);
  return rc;
}

}  // namespace

int cmd_shell(const config::settings& settings, const shell_options& opts) {
  if (settings.log.level == "info") spdlog::set_level(spdlog::level::warn);  // the shell's output
  try {
    return opts.connect ? connected(settings, opts) : in_process(settings, opts);
  } catch (const std::exception& e) {
    std::cerr << "askpro shell: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace askpro::app
