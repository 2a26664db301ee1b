// MCP session ids, their owners and their conversations (mcp_sessions.hpp).
#include "net/mcp/mcp_sessions.hpp"

#include <openssl/rand.h>

#include <array>
#include <cstdio>
#include <stdexcept>

namespace askpro::net::mcp {
namespace {

std::string random_id() {
  std::array<unsigned char, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
    throw std::runtime_error("mcp: the random source failed");
  std::string out;
  char hex[3];
  for (auto b : bytes) {
    std::snprintf(hex, sizeof hex, "%02x", b);
    out += hex;
  }
  return out;
}

std::vector<std::string> conversations_of(const mcp_session& s) {
  std::vector<std::string> out{"mcp_" + s.id + "_0"};
  for (const auto& [phone, n] : s.callers) out.push_back("mcp_" + s.id + "_" + std::to_string(n));
  return out;
}

}  // namespace

std::optional<mcp_session> mcp_sessions::open(int64_t token_id, const std::string& tenant_slug,
                                              const std::string& protocol) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock{mutex_};
  if (sessions_.size() >= capacity_) sweep_locked(now);
  if (sessions_.size() >= capacity_) return std::nullopt;
  mcp_session s{random_id(), token_id, tenant_slug, protocol, now, {}};
  sessions_.emplace(s.id, s);
  return s;
}

std::optional<mcp_session> mcp_sessions::use(const std::string& id, int64_t token_id) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock{mutex_};
  auto it = sessions_.find(id);
  if (it == sessions_.end() || it->second.token_id != token_id) return std::nullopt;
  if (now - it->second.last_used > idle_) return std::nullopt;  // swept later
  it->second.last_used = now;
  return it->second;
}

std::string mcp_sessions::conversation(const std::string& id,
                                       const std::optional<std::string>& phone) {
  if (!phone) return "mcp_" + id + "_0";
  std::lock_guard lock{mutex_};
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return "mcp_" + id + "_0";
  auto& callers = it->second.callers;
  auto found = callers.find(*phone);
  const int n = found != callers.end() ? found->second : static_cast<int>(callers.size()) + 1;
  if (found == callers.end()) callers.emplace(*phone, n);
  return "mcp_" + id + "_" + std::to_string(n);
}

std::optional<std::vector<std::string>> mcp_sessions::close(const std::string& id,
                                                            int64_t token_id) {
  std::lock_guard lock{mutex_};
  auto it = sessions_.find(id);
  if (it == sessions_.end() || it->second.token_id != token_id) return std::nullopt;
  auto out = conversations_of(it->second);
  sessions_.erase(it);
  return out;
}

std::vector<mcp_sessions::ended> mcp_sessions::sweep() {
  std::lock_guard lock{mutex_};
  return sweep_locked(std::chrono::steady_clock::now());
}

std::vector<mcp_sessions::ended> mcp_sessions::sweep_locked(
    std::chrono::steady_clock::time_point now) {
  std::vector<ended> out;
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (now - it->second.last_used <= idle_) {
      ++it;
      continue;
    }
    out.push_back({it->second.tenant_slug, conversations_of(it->second)});
    it = sessions_.erase(it);
  }
  return out;
}

}  // namespace askpro::net::mcp
