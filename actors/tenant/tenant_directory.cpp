#include "actors/tenant/tenant_directory.hpp"

#include "actors/booking/messages.hpp"
#include "actors/tenant/directory_internal.hpp"
#include "runtime/atoms.hpp"
#include "runtime/inspect.hpp"

#include <caf/all.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>

namespace askpro::actors::tenant {
namespace detail {
namespace {

/// Collects the outcome of one idle check over several tenants.
struct tick_collector {
  std::size_t remaining = 0;
  std::vector<std::string> stopped;
  std::function<void(std::vector<std::string>)> done;

  void finish_one() {
    if (--remaining == 0) done(std::move(stopped));
  }
};

/// Whether `slug` has a live call session (any child under <tenant>/calls): stopping the
/// tenant would end those calls, so it counts as active whatever its booking activity.
bool has_live_calls(const directory_state& st, const std::string& slug) {
  return st.cfg.tenant.registry->has_descendants(st.path_of(slug) + "/calls");
}

void check_one(directory_actor* self, const std::string& slug,
               std::shared_ptr<tick_collector> tick) {
  auto& st = self->state;
  if (has_live_calls(st, slug)) return tick->finish_one();
  auto booking = st.cfg.tenant.registry->actor_at(st.path_of(slug) + "/booking");
  auto stop = [self, slug, tick] {
    stop_tenant(self, slug, [tick, slug] {
      tick->stopped.push_back(slug);
      tick->finish_one();
    });
  };
  if (!booking) return stop();  // gone: forget it (the next use loads it again)
  self->request(booking, st.cfg.ask_timeout, booking::activity_atom::value)
      .then(
          [self, slug, tick, stop](int64_t last_ms) {
            auto& st = self->state;
            auto it = st.tenants.find(slug);
            if (it == st.tenants.end() || it->second.ph != phase::loaded) return tick->finish_one();
            const auto now = st.cfg.tenant.clock->now();
            const auto last = std::max(runtime::to_unix_ms(it->second.last_lookup), last_ms);
            const auto idle_ms =
                std::chrono::duration_cast<std::chrono::milliseconds>(st.cfg.idle).count();
            if (runtime::to_unix_ms(now) - last < idle_ms) return tick->finish_one();
            if (has_live_calls(st, slug)) return tick->finish_one();  // one started meanwhile
            stop();
          },
          [tick](caf::error&) { tick->finish_one(); });
}

}  // namespace

void idle_check(directory_actor* self, std::function<void(std::vector<std::string>)> done) {
  std::vector<std::string> loaded;
  for (const auto& [slug, e] : self->state.tenants)
    if (e.ph == phase::loaded) loaded.push_back(slug);
  if (loaded.empty()) return done({});
  auto tick = std::make_shared<tick_collector>();
  tick->remaining = loaded.size();
  tick->done = std::move(done);
  for (const auto& slug : loaded) check_one(self, slug, tick);
}

}  // namespace detail

namespace {

using namespace detail;

/// The periodic idle check (a message to self, re-armed after each run).
using idle_timer_atom = caf::atom_constant<caf::atom("idletimer")>;

std::string inspect_json(const directory_state& st) {
  auto list = nlohmann::json::array();
  int loading = 0;
  for (const auto& [slug, e] : st.tenants) {
    if (e.ph != phase::loaded) {
      ++loading;
      continue;
    }
    list.push_back({{"slug", slug},
                    {"loaded_at", runtime::format_utc(e.loaded_at)},
                    {"last_lookup", runtime::format_utc(e.last_lookup)}});
  }
  nlohmann::json j{{"tenants", list},
                   {"loading", loading},
                   {"idle_s", st.cfg.idle.count()},
                   {"loads", st.loads},
                   {"stops", st.stops}};
  return j.dump();
}

caf::behavior directory(directory_actor* self, directory_config cfg) {
  self->state.cfg = std::move(cfg);
  self->delayed_send(self, self->state.cfg.tick_interval, idle_timer_atom::value);
  return {
      [=](tenant_atom, const std::string& slug) {
        auto rp = self->make_response_promise();
        lookup(self, slug, rp);
        return rp;
      },
      [=](reload_atom, const std::string& slug) {
        auto rp = self->make_response_promise();
        stop_tenant(self, slug, [rp]() mutable { rp.deliver(caf::ok_atom::value); });
        return rp;
      },
      [=](idle_tick_atom) {
        auto rp = self->make_response_promise();
        idle_check(self, [rp](std::vector<std::string> stopped) mutable {
          rp.deliver(std::move(stopped));
        });
        return rp;
      },
      [=](idle_timer_atom) {
        idle_check(self, [](std::vector<std::string>) {});
        self->delayed_send(self, self->state.cfg.tick_interval, idle_timer_atom::value);
      },
      [=](runtime::inspect_atom) { return inspect_json(self->state); },
  };
}

}  // namespace

runtime::start_fn tenant_directory_start(directory_config cfg) {
  return [cfg](caf::actor_system& sys, const std::string&, const caf::message&) {
    return sys.spawn(directory, cfg);
  };
}

runtime::child_spec directory_child_spec(directory_config cfg) {
  auto shutdown = cfg.ask_timeout;
  return {"directory", "tenant_directory", tenant_directory_start(std::move(cfg)),
          runtime::restart_type::permanent, shutdown};
}

}  // namespace askpro::actors::tenant
