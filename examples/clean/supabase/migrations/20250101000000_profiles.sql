create table public.profiles (id uuid primary key, display_name text);
alter table public.profiles enable row level security;

create policy "profiles are readable by everyone" on public.profiles
  for select using (true);

create policy "profiles are editable by their owner" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

create policy "the server manages profiles" on public.profiles
  for all to service_role
  using (true) with check (true);

create function public.handle_new_user() returns trigger
  language plpgsql security definer
  set search_path = ''
  as $$ begin insert into public.profiles (id) values (new.id); return new; end; $$;
