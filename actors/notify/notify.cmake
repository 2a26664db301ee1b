# Notifications: the channels' actors and the messages they carry (included from
# actors/CMakeLists.txt).
target_sources(askpro_actors PRIVATE
  notify/message.cpp
  notify/channel_actor.cpp
  notify/outbox.cpp
  notify/delivery.cpp
  notify/notices.cpp
)
