#include "actors/booking/wall_clock_text.hpp"
#include "actors/call/session_internal.hpp"
#include "actors/call/speech.hpp"
#include "persistence/repo/customer_repo.hpp"

namespace askpro::actors::call {
namespace {

const char* weekday_name(const std::string& lang, date::year_month_day day) {
  static const char* de[] = {"Montag",  "Dienstag", "Mittwoch", "Donnerstag",
                             "Freitag", "Samstag",  "Sonntag"};
  static const char* en[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                             "Friday", "Saturday", "Sunday"};
  auto iso = date::weekday{date::sys_days{day}}.iso_encoding() - 1;
  return lang == "de" ? de[iso] : en[iso];
}

std::string branch_name(const session_state& st) {
  const auto* b = st.args.model->branch(st.args.branch);
  return b ? b->name : st.args.branch;
}

}  // namespace

void fn_current_context(session_actor* self, const function_args&, promise rp) {
  const auto& st = self->state;
  auto now = local_of(st, st.args.clock->now());
  nlohmann::json data{{"date", booking::format_iso_date(date::local_days{now.day})},
                      {"time", booking::format_hhmm(now.minute_of_day)},
                      {"weekday", weekday_name(st.lang, now.day)},
                      {"timezone", st.zone->name()},
                      {"tenant", st.args.model->name},
                      {"branch", branch_name(st)}};
  auto msg = say(st.lang,
                 "Heute ist " + spoken_date(st.lang, now.day) + ", es ist " +
                     spoken_time(st.lang, now.minute_of_day) + ".",
                 "Today is " + spoken_date(st.lang, now.day) + ", it is " +
                     spoken_time(st.lang, now.minute_of_day) + ".");
  auto e164 = caller_e164(st);
  auto db = st.args.registry->actor_at("/db");
  if (!e164 || !db) return rp.deliver(ok_reply(std::move(msg), data)), void();
  // The known caller's name; the context is answered without it when the lookup fails.
  auto scope = scope_of(st);
  using found_t = std::optional<persistence::customer_record>;
  persistence::request_db<found_t>(self, db, persistence::access::read, st.args.booking_timeout,
                                   [scope, number = *e164](persistence::connection& c) {
                                     return persistence::find_customer_by_phone(c, scope, number);
                                   })
      .then(
          [rp, msg, data](found_t& found) mutable {
            if (found && !found->name.empty()) data["customer_name"] = found->name;
            rp.deliver(ok_reply(msg, data));
          },
          [rp, msg, data](caf::error&) mutable { rp.deliver(ok_reply(msg, data)); });
}

void fn_parse_date(session_actor* self, const function_args& a, promise rp) {
  const auto& st = self->state;
  auto text = a.text ? a.text : a.date;
  if (!text) return rp.deliver(fail_reply(st.lang, "unparseable_date")), void();
  auto today = local_today(st);
  if (a.today) {
    auto pinned = booking::parse_iso_date(*a.today);
    if (!pinned) return rp.deliver(fail_reply(st.lang, "invalid_argument")), void();
    today = date::year_month_day{*pinned};
  }
  auto input = a.time ? *text + " um " + *a.time : *text;
  auto when = parse_spoken_when(input, today);
  if (!when) return rp.deliver(error_reply(st.lang, when.error())), void();
  nlohmann::json data{{"date", booking::format_iso_date(date::local_days{when->date})},
                      {"weekday", weekday_name(st.lang, when->date)}};
  std::string msg = spoken_date(st.lang, when->date);
  if (when->minute_of_day) {
    data["time"] = booking::format_hhmm(*when->minute_of_day);
    msg = spoken_when(st.lang, {when->date, *when->minute_of_day});
  }
  rp.deliver(ok_reply(say(st.lang, "Das ist ", "That is ") + msg + ".", data));
}

void fn_list_services(session_actor* self, const function_args&, promise rp) {
  const auto& st = self->state;
  auto list = nlohmann::json::array();
  std::string names;
  for (const auto& s : st.args.model->services) {
    list.push_back({{"service", s.slug},
                    {"name", s.name},
                    {"duration_min", s.duration.count()},
                    {"price_cents", s.price_cents}});
    names += (names.empty() ? "" : ", ") + s.name;
  }
  auto msg = say(st.lang, "Wir bieten an: ", "We offer: ") + names + ".";
  rp.deliver(ok_reply(std::move(msg), nlohmann::json{{"services", list}}));
}

}  // namespace askpro::actors::call
