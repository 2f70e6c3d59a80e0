DROP TABLE event_partners;
DROP TABLE event_contents;
DROP TABLE events;
