DROP TABLE memberships;
DROP TABLE membership_types;
DROP TABLE representatives;
DROP TABLE staff_roles;
DROP TABLE organisations;
