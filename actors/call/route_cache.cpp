#include "actors/call/route_cache.hpp"

namespace askpro::actors::call {

route_cache::route_cache(std::chrono::milliseconds ttl, std::size_t max_entries)
    : ttl_(ttl), max_entries_(max_entries) {}

std::optional<std::optional<tenant_route>> route_cache::find(const std::string& e164) const {
  if (ttl_.count() <= 0) return std::nullopt;
  std::lock_guard<std::mutex> lock{mtx_};
  auto it = entries_.find(e164);
  if (it == entries_.end() || clock_type::now() - it->second.read_at >= ttl_) return std::nullopt;
  return it->second.route;
}

void route_cache::put(const std::string& e164, std::optional<tenant_route> route) {
  if (ttl_.count() <= 0) return;
  auto now = clock_type::now();
  std::lock_guard<std::mutex> lock{mtx_};
  if (entries_.size() >= max_entries_ && entries_.count(e164) == 0) entries_.clear();
  entries_[e164] = entry{std::move(route), now};
}

void route_cache::forget(const std::string& e164) {
  std::lock_guard<std::mutex> lock{mtx_};
  entries_.erase(e164);
}

void route_cache::forget_tenant(const std::string& company_slug) {
  std::lock_guard<std::mutex> lock{mtx_};
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->second.route && it->second.route->route.company_slug == company_slug)
      it = entries_.erase(it);
    else
      ++it;
  }
}

void route_cache::clear() {
  std::lock_guard<std::mutex> lock{mtx_};
  entries_.clear();
}

}  // namespace askpro::actors::call
