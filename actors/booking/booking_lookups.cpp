// The booking actor's lookups before a write is routed: the branch's connection, the customer
// behind a phone number, and the branch of an existing appointment.
#include "actors/booking/booking_internal.hpp"
#include "actors/tenant/phone.hpp"
#include "persistence/db_client.hpp"

namespace askpro::actors::booking::detail {
namespace {

using persistence::access;
using persistence::connection;

persistence::tenant_scope scope_of(const booking_state& st) {
  return persistence::tenant_scope{st.cfg.model->company_id};
}

int64_t now_ms(const booking_state& st) {
  return runtime::to_unix_ms(st.cfg.clock->now());
}

}  // namespace

Result<caf::actor> calendar_of(booking_actor* self, const std::string& branch) {
  const auto& model = *self->state.cfg.model;
  std::string slug = branch;
  if (slug.empty()) {
    if (model.branches.size() != 1)
      return make_error(errc::invalid_argument, "branch required: the tenant has several");
    slug = model.branches.front().slug;
  }
  if (!model.branch(slug)) return make_error(errc::not_found, "unknown branch " + slug);
  auto path = self->state.cfg.tenant_path + "/calendars/" + slug + "/breaker";
  auto cal = self->state.cfg.registry->actor_at(path);
  if (!cal) return make_error(errc::calendar_unavailable, "calendar of " + slug + " not running");
  return cal;
}

void with_customer(booking_actor* self, calendar::book_request req, caf::response_promise rp,
                   std::function<void()> done, std::function<void(calendar::book_request)> next) {
  if (req.customer_id || !req.customer_phone) return next(std::move(req));
  auto e164 = tenant::to_e164(*req.customer_phone, self->state.cfg.model->country);
  auto db = self->state.cfg.registry->actor_at(self->state.cfg.db_path);
  if (!e164 || !db) {
    rp.deliver(e164 ? make_error(errc::unavailable, "database not running")
                    : std::move(e164.error()));
    return done();
  }
  auto scope = scope_of(self->state);
  auto now = now_ms(self->state);
  persistence::request_db<persistence::customer_record>(
      self, db, access::write, self->state.cfg.db_timeout,
      [scope, number = *e164, name = req.customer_name, email = req.customer_email,
       now](connection& c) {
        return persistence::find_or_create_customer(c, scope, number, name, now, email);
      })
      .then(
          [req, next](persistence::customer_record& customer) mutable {
            req.customer_id = customer.id;
            next(std::move(req));
          },
          [rp, done](caf::error& err) mutable {
            rp.deliver(std::move(err));
            done();
          });
}

void find_customer_id(booking_actor* self, const std::string& phone, caf::response_promise rp,
                      std::function<void(std::optional<int64_t>)> next) {
  auto e164 = tenant::to_e164(phone, self->state.cfg.model->country);
  if (!e164) return rp.deliver(std::move(e164.error())), void();
  auto db = self->state.cfg.registry->actor_at(self->state.cfg.db_path);
  if (!db) return rp.deliver(make_error(errc::unavailable, "database not running")), void();
  auto scope = scope_of(self->state);
  persistence::request_db<std::optional<persistence::customer_record>>(
      self, db, access::read, self->state.cfg.db_timeout,
      [scope, number = *e164](connection& c) {
        return persistence::find_customer_by_phone(c, scope, number);
      })
      .then(
          [next](std::optional<persistence::customer_record>& customer) {
            next(customer ? std::optional<int64_t>{customer->id} : std::nullopt);
          },
          [rp](caf::error& err) mutable { rp.deliver(std::move(err)); });
}

void with_branch_of(booking_actor* self, std::string branch, int64_t appointment_id,
                    caf::response_promise rp, std::function<void()> done,
                    std::function<void(std::string)> next) {
  const auto& model = *self->state.cfg.model;
  if (!branch.empty() || model.branches.size() == 1) return next(std::move(branch));
  auto db = self->state.cfg.registry->actor_at(self->state.cfg.db_path);
  if (!db) {
    rp.deliver(make_error(errc::unavailable, "database not running"));
    return done();
  }
  auto scope = scope_of(self->state);
  persistence::request_db<std::optional<persistence::appointment_record>>(
      self, db, access::read, self->state.cfg.db_timeout,
      [scope, appointment_id](connection& c) {
        return persistence::find_appointment(c, scope, appointment_id);
      })
      .then(
          [self, rp, done, next](std::optional<persistence::appointment_record>& a) mutable {
            const auto* b = a ? self->state.cfg.model->branch(a->branch_id) : nullptr;
            if (!b) {
              rp.deliver(make_error(errc::not_found, "no such appointment"));
              return done();
            }
            next(b->slug);
          },
          [rp, done](caf::error& err) mutable {
            rp.deliver(std::move(err));
            done();
          });
}

}  // namespace askpro::actors::booking::detail
