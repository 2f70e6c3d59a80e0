DROP TABLE event_messages;
DROP TABLE unsubscribes;
