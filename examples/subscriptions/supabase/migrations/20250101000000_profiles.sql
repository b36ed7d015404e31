-- Client-facing tables, served by Supabase's API.
create table public.profiles (id uuid primary key, display_name text);
alter table public.profiles enable row level security;

create policy "profiles are editable by their owner" on public.profiles
  for update to authenticated
  using (id = auth.uid());

create policy "anyone can create a profile" on public.profiles
  for insert to anon
  with check (true);

-- Written by the Stripe webhook only.
create table public.webhook_events (id bigint primary key, payload jsonb);
alter table public.webhook_events enable row level security;

create table public.audit_log (id bigint primary key, entry text);

create table public.invoices (id bigint primary key, profile_id uuid);
create policy "own invoices" on public.invoices
  for select to authenticated
  using (profile_id = (select auth.uid()));

create function public.handle_new_user() returns trigger
  language plpgsql security definer
  as $$ begin insert into public.profiles (id) values (new.id); return new; end; $$;
