// Low-balance notice jobs turned into message jobs (notices.hpp).
#include "actors/notify/notices.hpp"

#include "actors/jobs/jobs.hpp"
#include "actors/notify/outbox.hpp"
#include "actors/tenant/tenant_directory.hpp"
#include "persistence/db_client.hpp"
#include "persistence/repo/job_repo.hpp"
#include "persistence/transaction.hpp"
#include "runtime/atoms.hpp"
#include "runtime/counted_actor.hpp"

#include <caf/all.hpp>
#include <nlohmann/json.hpp>

namespace askpro::actors::notify {
namespace {

struct notices_state {
  notices_config cfg;
  int64_t handled = 0, queued = 0;
  static inline const char* name = "notices";
};
using notices_actor = runtime::counted_stateful<notices_state>;

struct notice_job {
  std::string tenant;
  persistence::posted_entry entry;
};

std::optional<notice_job> read_payload(const std::string& payload) {
  auto j = nlohmann::json::parse(payload, nullptr, false);
  if (!j.is_object() || !j.contains("tenant") || !j["tenant"].is_string() || !j.contains("entry") ||
      !j["entry"].is_number_integer() || !j.contains("balance_cents") ||
      !j["balance_cents"].is_number_integer())
    return std::nullopt;
  notice_job out;
  out.tenant = j["tenant"].get<std::string>();
  out.entry.entry.id = j["entry"].get<int64_t>();
  out.entry.entry.balance_after_cents = j["balance_cents"].get<int64_t>();
  return out;
}

/// Queues the messages of `job` for the loaded tenant `handle`; answers `rp` once committed.
void queue_messages(notices_actor* self, const tenant::tenant_handle& handle, const notice_job& job,
                    caf::response_promise rp) {
  auto& st = self->state;
  auto now = runtime::to_unix_ms(st.cfg.clock->now());
  auto effects = low_balance_outbox(st.cfg.policy, handle.model, now)(job.entry);
  const auto count = static_cast<int64_t>(effects.enqueue.size());
  persistence::request_db<bool>(
      self, st.cfg.registry->actor_at("/db"), persistence::access::write, st.cfg.timeout,
      [effects, now](persistence::connection& c) {
        return persistence::with_transaction(c, [&](persistence::connection& tx) -> Result<bool> {
          if (auto ok = persistence::apply_outbox(tx, effects, now); !ok)
            return std::move(ok.error());
          return true;
        });
      })
      .then(
          [self, rp, count](bool) mutable {
            self->state.queued += count;
            rp.deliver(caf::ok_atom::value);
          },
          [rp](caf::error& err) mutable { rp.deliver(std::move(err)); });
}

caf::response_promise handle_job(notices_actor* self, const persistence::job_record& job) {
  auto rp = self->make_response_promise();
  ++self->state.handled;
  auto notice = read_payload(job.payload);
  if (!notice || !self->state.cfg.policy) {
    rp.deliver(make_error(errc::invalid_argument, "low-balance job: unreadable payload"));
    return rp;
  }
  auto directory = self->state.cfg.registry->actor_at("/directory");
  self->request(directory, self->state.cfg.timeout, tenant::tenant_atom::value, notice->tenant)
      .then([self, rp, n = *notice](
                tenant::tenant_handle& handle) mutable { queue_messages(self, handle, n, rp); },
            [rp](caf::error& err) mutable { rp.deliver(std::move(err)); });
  return rp;
}

caf::behavior notices(notices_actor* self, notices_config cfg) {
  self->state.cfg = std::move(cfg);
  return {
      [=](jobs::run_job_atom, const persistence::job_record& job) { return handle_job(self, job); },
      [=](runtime::inspect_atom) {
        return nlohmann::json{{"handled", self->state.handled}, {"queued", self->state.queued}}
            .dump();
      },
  };
}

}  // namespace

runtime::child_spec notices_child_spec(notices_config cfg) {
  return {"low_balance", "notices",
          [cfg](caf::actor_system& sys, const std::string&, const caf::message&) {
            return sys.spawn(notices, cfg);
          },
          runtime::restart_type::permanent, std::chrono::seconds{5}};
}

}  // namespace askpro::actors::notify
