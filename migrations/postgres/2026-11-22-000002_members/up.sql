-- Organisations (hosts and members), staff roles, representatives, membership types and memberships.
CREATE TABLE organisations (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT NOT NULL,
    city TEXT,
    website TEXT,
    email TEXT,
    -- JSON object: locale -> text
    description TEXT NOT NULL DEFAULT '{}',
    hosts_events BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX organisations_slug ON organisations (slug);
CREATE INDEX organisations_country ON organisations (country);

CREATE TABLE staff_roles (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX staff_roles_org_person ON staff_roles (organisation_id, person_id);
CREATE INDEX staff_roles_person ON staff_roles (person_id);

CREATE TABLE representatives (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX representatives_org_person ON representatives (organisation_id, person_id);
CREATE INDEX representatives_person ON representatives (person_id);

CREATE TABLE membership_types (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    -- JSON object: locale -> name
    name TEXT NOT NULL,
    member_kind TEXT NOT NULL,
    duration_months INTEGER,
    requires_approval BOOLEAN NOT NULL,
    -- minor units (cents); recorded, never charged
    annual_fee_cents BIGINT,
    currency TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX membership_types_org ON membership_types (organisation_id);

-- The member is a person or an organisation, never both.
CREATE TABLE memberships (
    id BIGSERIAL PRIMARY KEY,
    host_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    type_id BIGINT NOT NULL REFERENCES membership_types (id),
    person_id BIGINT REFERENCES people (id) ON DELETE CASCADE,
    member_organisation_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    starts_on DATE,
    ends_on DATE,
    note TEXT,
    decision_reason TEXT,
    directory_visible BOOLEAN NOT NULL,
    applied_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    decided_by BIGINT REFERENCES people (id) ON DELETE SET NULL,
    decided_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK ((person_id IS NULL) <> (member_organisation_id IS NULL))
);
-- One live (pending or active) membership per member and host, enforced by the database.
CREATE UNIQUE INDEX memberships_live_person ON memberships (host_id, person_id)
    WHERE status IN ('pending', 'active') AND person_id IS NOT NULL;
CREATE UNIQUE INDEX memberships_live_org ON memberships (host_id, member_organisation_id)
    WHERE status IN ('pending', 'active') AND member_organisation_id IS NOT NULL;
CREATE INDEX memberships_host_status ON memberships (host_id, status);
CREATE INDEX memberships_person ON memberships (person_id);
CREATE INDEX memberships_member_org ON memberships (member_organisation_id);
CREATE INDEX memberships_ends_on ON memberships (status, ends_on);
