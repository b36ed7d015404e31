import Postgres

/// What a Supabase database has before the project's first migration, reduced to what migrations refer to: the
/// roles `anon`, `authenticated` and `service_role`; `auth.users` with `auth.uid()`, `auth.role()`, `auth.jwt()`
/// and `auth.email()`; `storage.buckets` and `storage.objects` with `storage.foldername()`, `filename()` and
/// `extension()`; `realtime.messages` with `realtime.send()` and `realtime.broadcast_changes()`; an empty
/// `extensions` schema. Installed before replaying a folder of a Supabase project (`supabase/migrations` beside
/// `config.toml`), so policies `TO authenticated`, foreign keys to `auth.users` and bucket inserts apply as they do
/// on Supabase. It is a stub: the functions return NULL or do nothing (replay never runs application queries),
/// and only the columns migrations commonly name exist. Its schemas are Supabase's, not the project's: the catalog
/// comparison leaves them out on both sides.
public enum SupabaseStub {
    public static let schemas = ["auth", "storage", "realtime", "extensions"]
    public static let roles = ["anon", "authenticated", "service_role"]

    static let sql = """
        CREATE SCHEMA IF NOT EXISTS auth;
        CREATE SCHEMA IF NOT EXISTS storage;
        CREATE SCHEMA IF NOT EXISTS realtime;
        CREATE SCHEMA IF NOT EXISTS extensions;
        CREATE TABLE IF NOT EXISTS auth.users (
          id uuid PRIMARY KEY, aud varchar(255), role varchar(255), email varchar(255), phone text,
          encrypted_password varchar(255), email_confirmed_at timestamptz, phone_confirmed_at timestamptz,
          last_sign_in_at timestamptz, raw_app_meta_data jsonb, raw_user_meta_data jsonb, is_anonymous boolean DEFAULT false NOT NULL,
          created_at timestamptz DEFAULT now(), updated_at timestamptz DEFAULT now(), deleted_at timestamptz);
        CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
          AS $$ SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;
        CREATE OR REPLACE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE
          AS $$ SELECT nullif(current_setting('request.jwt.claim.role', true), '') $$;
        CREATE OR REPLACE FUNCTION auth.email() RETURNS text LANGUAGE sql STABLE
          AS $$ SELECT nullif(current_setting('request.jwt.claim.email', true), '') $$;
        CREATE OR REPLACE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE
          AS $$ SELECT coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb $$;
        CREATE TABLE IF NOT EXISTS storage.buckets (
          id text PRIMARY KEY, name text NOT NULL, owner uuid, public boolean DEFAULT false, avif_autodetection boolean DEFAULT false,
          file_size_limit bigint, allowed_mime_types text[], created_at timestamptz DEFAULT now(), updated_at timestamptz DEFAULT now());
        CREATE TABLE IF NOT EXISTS storage.objects (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(), bucket_id text REFERENCES storage.buckets (id), name text, owner uuid,
          owner_id text, metadata jsonb, path_tokens text[] GENERATED ALWAYS AS (string_to_array(name, '/')) STORED,
          version text, created_at timestamptz DEFAULT now(), updated_at timestamptz DEFAULT now(), last_accessed_at timestamptz DEFAULT now());
        ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
        CREATE OR REPLACE FUNCTION storage.foldername(name text) RETURNS text[] LANGUAGE sql IMMUTABLE
          AS $$ SELECT (string_to_array(name, '/'))[1:array_length(string_to_array(name, '/'), 1) - 1] $$;
        CREATE OR REPLACE FUNCTION storage.filename(name text) RETURNS text LANGUAGE sql IMMUTABLE
          AS $$ SELECT (string_to_array(name, '/'))[array_length(string_to_array(name, '/'), 1)] $$;
        CREATE OR REPLACE FUNCTION storage.extension(name text) RETURNS text LANGUAGE sql IMMUTABLE
          AS $$ SELECT reverse(split_part(reverse(name), '.', 1)) $$;
        CREATE TABLE IF NOT EXISTS realtime.messages (
          id uuid DEFAULT gen_random_uuid() NOT NULL, topic text NOT NULL, extension text NOT NULL, payload jsonb, event text,
          private boolean DEFAULT false, inserted_at timestamp DEFAULT now() NOT NULL, updated_at timestamp DEFAULT now() NOT NULL);
        ALTER TABLE realtime.messages ENABLE ROW LEVEL SECURITY;
        CREATE OR REPLACE FUNCTION realtime.send(payload jsonb, event text, topic text, private boolean DEFAULT true)
          RETURNS void LANGUAGE sql AS $$ SELECT $$;
        CREATE OR REPLACE FUNCTION realtime.broadcast_changes(topic_name text, event_name text, operation text, table_name text,
          table_schema text, new record, old record, level text DEFAULT 'ROW') RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
        GRANT USAGE ON SCHEMA auth, storage, realtime, extensions TO anon, authenticated, service_role;
        """

    /// Installs the stub on a fresh database; returns the roles it had to create (roles belong to the server, not
    /// the database: `DatabaseOnServer` drops them again).
    public static func install(on connection: Connection) throws(PostgresError) -> [String] {
        var created: [String] = []
        for role in roles {
            guard try connection.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]).rows.isEmpty else { continue }
            try connection.execute("CREATE ROLE \(Connection.quoteIdentifier(role)) NOLOGIN")
            created.append(role)
        }
        try connection.execute(sql)
        return created
    }
}
