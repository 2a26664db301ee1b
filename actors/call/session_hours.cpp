// get_opening_hours: the branch's week and its closed / special days of the next two weeks, or
// one date's hours — from the tenant model, no booking actor needed.
#include "actors/booking/hours.hpp"
#include "actors/booking/wall_clock_text.hpp"
#include "actors/call/session_internal.hpp"
#include "actors/call/speech.hpp"
#include "actors/call/spoken_hours.hpp"

namespace askpro::actors::call {
namespace {

constexpr int lookahead_days = 14;
constexpr const char* weekday_keys[] = {"monday", "tuesday",  "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};

nlohmann::json intervals_json(const booking::day_hours& hours) {
  auto out = nlohmann::json::array();
  for (const auto& iv : hours)
    out.push_back(
        {{"start", booking::format_hhmm(iv.start_min)}, {"end", booking::format_hhmm(iv.end_min)}});
  return out;
}

function_reply day_answer(const session_state& st, const booking::branch_hours& hours,
                          date::year_month_day day) {
  auto local = date::local_days{day};
  auto today_hours = booking::branch_day(hours, local);
  nlohmann::json data{{"date", booking::format_iso_date(local)},
                      {"open", !today_hours.empty()},
                      {"hours", intervals_json(today_hours)}};
  auto text = spoken_day_hours(st.lang, today_hours);
  auto msg = say(st.lang, "Am " + spoken_date(st.lang, day) + " haben wir ",
                 "On " + spoken_date(st.lang, day) + " we are ");
  msg += today_hours.empty() ? say(st.lang, "geschlossen.", "closed.")
                             : say(st.lang, "von " + text + " geöffnet.", "open " + text + ".");
  return ok_reply(std::move(msg), data);
}

function_reply week_answer(const session_state& st, const booking::branch_hours& hours) {
  nlohmann::json week = nlohmann::json::object();
  for (std::size_t i = 0; i < hours.week.days.size(); ++i)
    week[weekday_keys[i]] = intervals_json(hours.week.days[i]);
  auto from = date::local_days{local_today(st)};
  auto exceptions = hours_exceptions(hours, from, lookahead_days);
  auto special = nlohmann::json::array();
  std::string msg = say(st.lang, "Unsere Öffnungszeiten: ", "Our opening hours: ") +
                    spoken_week(st.lang, hours.week) + ".";
  for (const auto& e : exceptions) {
    special.push_back({{"date", booking::format_iso_date(e.day)},
                       {"open", !e.hours.empty()},
                       {"hours", intervals_json(e.hours)}});
    msg += say(st.lang, " Am ", " On ") + spoken_date(st.lang, date::year_month_day{e.day}) + ": " +
           spoken_day_hours(st.lang, e.hours) + ".";
  }
  return ok_reply(std::move(msg), {{"week", week}, {"special_days", special}});
}

}  // namespace

void fn_opening_hours(session_actor* self, const function_args& a, promise rp) {
  const auto& st = self->state;
  const auto* branch = st.args.model->branch(st.args.branch);
  if (!branch && st.args.model->branches.size() == 1) branch = &st.args.model->branches.front();
  if (!branch) return rp.deliver(fail_reply(st.lang, "not_found")), void();
  if (!a.date) return rp.deliver(week_answer(st, branch->hours)), void();
  auto day = parse_spoken_date(*a.date, local_today(st));
  if (!day) return rp.deliver(error_reply(st.lang, day.error())), void();
  rp.deliver(day_answer(st, branch->hours, *day));
}

}  // namespace askpro::actors::call
