-- tests/lsp/nvim-test.lua -- run by nvim.sh in headless Neovim: opens the
-- Ambulu example through editors/nvim/sakip.lua and writes what the
-- built-in LSP client got to $OUT, one finding a line.
local out = assert(io.open(os.getenv('OUT'), 'w'))
local function say(s) out:write(s .. '\n'); out:flush() end
local sakip = dofile(os.getenv('SRCDIR') .. '/editors/nvim/sakip.lua')
sakip.setup({ cmd = { os.getenv('SAKIP'), 'lsp' } })
vim.cmd('edit ' .. os.getenv('FILE'))
local buf = vim.api.nvim_get_current_buf()

-- diagnostics
local ok = vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
say('diagnostics ' .. tostring(ok))
for _, d in ipairs(vim.diagnostic.get(buf)) do
  if d.lnum == 107 then say(string.format('diag %d:%d %s', d.lnum + 1, d.col + 1, d.message:gsub('\n.*', ''))) end
end

-- an inlay hint, as virtual text (line 108: sasaran S1)
ok = vim.wait(10000, function()
  return #vim.api.nvim_buf_get_extmarks(buf, sakip.namespace, { 107, 0 }, { 107, -1 }, {}) > 0
end, 50)
say('inlay ' .. tostring(ok))
for _, m in ipairs(vim.api.nvim_buf_get_extmarks(buf, sakip.namespace, { 107, 0 }, { 107, -1 }, { details = true })) do
  say('inlay 108: ' .. m[4].virt_text[1][1]:gsub('^%s+', ''))
end

-- hover on DOK (line 110, column 15)
local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = 109, character = 15 } }
local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000)
for _, r in pairs(res or {}) do
  if r.result then
    local first = r.result.contents.value:match('[^\n]*')
    say('hover ' .. first)
    say('hover ' .. (r.result.contents.value:match('\n(capaian [^\n]*)') or '?'))
  end
end

-- a quick fix for W0607 (no program supports S1), applied
params = { textDocument = vim.lsp.util.make_text_document_params(buf),
           range = { start = { line = 107, character = 8 }, ['end'] = { line = 107, character = 8 } },
           context = { diagnostics = {} } }
res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
for _, r in pairs(res or {}) do
  local a = r.result and r.result[1]
  if a then
    say('action ' .. a.title)
    vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16')
  end
end
for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  if l:match('mendukung S1$') then say(string.format('line %d: %s', i, l)) end
end
-- the edit goes to the server: W0607 for S1 is gone
ok = vim.wait(10000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.lnum == 107 and d.code == 'W0607' then return false end
  end
  return true
end, 50)
say('fixed ' .. tostring(ok))
out:close()
vim.cmd('qa!')
