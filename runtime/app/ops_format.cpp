#include "runtime/app/ops_format.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace askpro::app {
namespace {

using json = nlohmann::json;

std::string text_of(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "-";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

std::string status_of(const json& n) {
  auto s = text_of(n, "status");
  if (n.value("responsive", true) == false && s == "running") s += " (unresponsive)";
  return s;
}

struct row {
  std::string name, kind, status, restarts, mailbox, handled;
};

void collect(const json& n, int depth, std::vector<row>& out) {
  std::string id = n.value("id", n.value("path", std::string{"?"}));
  out.push_back({std::string(static_cast<std::size_t>(depth) * 2, ' ') + id, text_of(n, "kind"),
                 status_of(n), text_of(n, "restarts"), text_of(n, "mailbox"),
                 text_of(n, "handled")});
  if (auto it = n.find("children"); it != n.end() && it->is_array())
    for (const auto& c : *it) collect(c, depth + 1, out);
}

std::string pad(const std::string& s, std::size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size() + 1, ' ');
}

}  // namespace

std::string format_tree(const json& root) {
  std::vector<row> rows{{"ACTOR", "KIND", "STATUS", "RESTARTS", "MAILBOX", "HANDLED"}};
  collect(root, 0, rows);
  std::size_t w[5] = {0, 0, 0, 0, 0};
  for (const auto& r : rows) {
    w[0] = std::max(w[0], r.name.size());
    w[1] = std::max(w[1], r.kind.size());
    w[2] = std::max(w[2], r.status.size());
    w[3] = std::max(w[3], r.restarts.size());
    w[4] = std::max(w[4], r.mailbox.size());
  }
  std::string out;
  for (const auto& r : rows)
    out += pad(r.name, w[0]) + pad(r.kind, w[1]) + pad(r.status, w[2]) + pad(r.restarts, w[3]) +
           pad(r.mailbox, w[4]) + r.handled + "\n";
  return out;
}

std::string format_node(const json& node) {
  std::string out;
  for (const char* key : {"path", "kind", "status", "started", "restarts", "mailbox", "handled",
                          "last_exit_reason", "responsive"}) {
    auto v = key == std::string{"status"} ? status_of(node) : text_of(node, key);
    out += std::string(key) + ": " + (v.empty() ? "-" : v) + "\n";
  }
  auto state = node.find("state");
  out += "state: " + (state == node.end() || state->is_null() ? std::string{"-"} : state->dump(2)) +
         "\n";
  return out;
}

std::string format_jobs(const json& list) {
  std::string out = "ID\tKIND\tSTATUS\tATTEMPTS\tRUN AT\tLAST ERROR\n";
  const auto& data = list.contains("data") ? list["data"] : list;
  if (!data.is_array()) return out;
  for (const auto& j : data)
    out += text_of(j, "id") + "\t" + text_of(j, "kind") + "\t" + text_of(j, "status") + "\t" +
           text_of(j, "attempts") + "/" + text_of(j, "max_attempts") + "\t" + text_of(j, "run_at") +
           "\t" + text_of(j, "last_error") + "\n";
  return out;
}

}  // namespace askpro::app
