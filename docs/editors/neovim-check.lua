-- schemalint lsp in a real editor: Neovim's built-in client, driven headless.
--
-- Opens a Drizzle schema file of a workspace, waits for schemalint's diagnostics, asks for the code actions at the
-- `schema/updated-at-not-maintained` finding, applies the quick fix the way `:lua vim.lsp.buf.code_action()` does
-- (a workspace edit on the buffer, which Neovim sends back as an incremental `didChange`), waits for the new
-- diagnostics, and writes what it saw to standard output. Exit code 0 when the finding was reported, fixed, and gone.
--
--   cp -r examples/subscriptions /tmp/nvim-check
--   SCHEMALINT=.build/debug/schemalint WORKSPACE=/tmp/nvim-check \
--     nvim --headless --clean -u docs/editors/neovim-check.lua
--
-- Works with Neovim 0.7 and later (vim.lsp.start_client; 0.10 also has vim.lsp.start, see docs/running.md).
-- Tests/RunnerTests/EditorTests.swift runs it when `nvim` is on PATH.

local binary = assert(os.getenv("SCHEMALINT"), "set SCHEMALINT to the schemalint binary")
local workspace = assert(os.getenv("WORKSPACE"), "set WORKSPACE to a copy of examples/subscriptions")
local file = os.getenv("FILE") or "src/db/schema/subscriptions.ts"
local rule = os.getenv("RULE") or "schema/updated-at-not-maintained"
local timeout = 60000

local function say(text) io.stdout:write(text .. "\n") end
local function finish(code)
  io.stdout:flush()
  vim.cmd((code == 0 and "qall!") or ("cquit! " .. code))
end

local function listing(diagnostics)
  local sorted = vim.deepcopy(diagnostics)
  table.sort(sorted, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  local lines = {}
  for _, d in ipairs(sorted) do
    table.insert(lines, string.format("  %d:%d %s %s", d.lnum + 1, d.col + 1, d.code or "?", (d.message:gsub("\n.*", ""))))
  end
  return table.concat(lines, "\n")
end

local function with_rule(diagnostics)
  for _, d in ipairs(diagnostics) do
    if d.code == rule then return d end
  end
end

local ok, failure = pcall(function()
  vim.cmd("cd " .. vim.fn.fnameescape(workspace))
  local client_id = vim.lsp.start_client({
    name = "schemalint",
    cmd = { binary, "lsp" },
    root_dir = workspace,
    -- Neovim batches keystrokes; the server checks once per batch anyway.
    flags = { debounce_text_changes = 50 },
  })
  assert(client_id, "the server did not start")
  vim.cmd("edit " .. vim.fn.fnameescape(workspace .. "/" .. file))
  local buffer = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buffer, client_id)

  local started = vim.loop.hrtime()
  assert(vim.wait(timeout, function() return with_rule(vim.diagnostic.get(buffer)) ~= nil end, 20),
    "no " .. rule .. " diagnostic within " .. timeout .. " ms")
  local before = vim.diagnostic.get(buffer)
  say(string.format("opened %s: %d diagnostics after %.0f ms", file, #before, (vim.loop.hrtime() - started) / 1e6))
  say(listing(before))

  local target = with_rule(before)
  local client = vim.lsp.get_client_by_id(client_id)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buffer) },
    range = {
      start = { line = target.lnum, character = target.col },
      ["end"] = { line = target.end_lnum, character = target.end_col },
    },
    context = { diagnostics = { target.user_data and target.user_data.lsp or {} } },
  }
  local response = client.request_sync("textDocument/codeAction", params, timeout, buffer)
  assert(response and response.result, "no answer to textDocument/codeAction: " .. vim.inspect(response and response.err))
  local action
  say(string.format("code actions at %d:%d:", target.lnum + 1, target.col + 1))
  for _, candidate in ipairs(response.result) do
    say("  " .. candidate.title)
    local covered = candidate.diagnostics and candidate.diagnostics[1]
    if action == nil and covered and covered.code == rule then action = candidate end
  end
  assert(action and action.edit, "no quick fix for " .. rule)

  local changed = vim.b[buffer].changedtick
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  assert(vim.b[buffer].changedtick ~= changed, "the edit did not change the buffer")
  say("applied: " .. action.title)
  say("  line " .. (target.lnum + 1) .. " now: " .. vim.trim(vim.api.nvim_buf_get_lines(buffer, target.lnum, target.lnum + 1, false)[1]))

  local applied = vim.loop.hrtime()
  local function fixed()
    local now = vim.diagnostic.get(buffer)
    for _, d in ipairs(now) do
      if d.code == rule and d.lnum == target.lnum then return false end
    end
    return #now > 0
  end
  assert(vim.wait(timeout, fixed, 20), "the " .. rule .. " diagnostic is still there after the fix")
  local after = vim.diagnostic.get(buffer)
  say(string.format("after the fix: %d diagnostics after %.0f ms", #after, (vim.loop.hrtime() - applied) / 1e6))
  say(listing(after))
end)

if ok then
  finish(0)
else
  say("FAILED: " .. tostring(failure))
  finish(1)
end
