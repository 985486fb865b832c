-- editors/nvim/sakip.lua -- Neovim (0.7 and later) client setup for `sakip lsp`.
--
-- Starts the server for .sakip buffers with Neovim's built-in LSP client
-- and shows the server's inlay hints (capaian, predikat, efisiensi,
-- serapan, the value of each periksa) as virtual text at the end of their
-- lines: Neovim before 0.10 has no inlay hints of its own.
--
-- Use (doc/editors.md):
--   require('sakip').setup()                 -- sakip.lua on 'runtimepath'/lua
--   dofile('/path/to/sakip.lua').setup({cmd = {'/path/to/sakip', 'lsp'}})
local M = {}

local ns = vim.api.nvim_create_namespace('sakip_inlay')
M.namespace = ns

-- Asks the server for the buffer's inlay hints and shows them.
function M.inlay_hints(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = {
      start = { line = 0, character = 0 },
      ['end'] = { line = vim.api.nvim_buf_line_count(bufnr), character = 0 },
    },
  }
  vim.lsp.buf_request(bufnr, 'textDocument/inlayHint', params, function(err, result)
    if err or type(result) ~= 'table' or not vim.api.nvim_buf_is_valid(bufnr) then return end
    vim.api.nvim_buf_clear_namespace(bufnr, ns, 0, -1)
    local lines = vim.api.nvim_buf_line_count(bufnr)
    local by_line = {}
    for _, h in ipairs(result) do
      local l = h.position.line
      local label = h.label
      if type(label) == 'table' then
        local parts = {}
        for _, p in ipairs(label) do parts[#parts + 1] = p.value end
        label = table.concat(parts)
      end
      if l < lines then
        by_line[l] = by_line[l] and (by_line[l] .. '  ' .. label) or label
      end
    end
    for l, text in pairs(by_line) do
      vim.api.nvim_buf_set_extmark(bufnr, ns, l, 0, {
        virt_text = { { '  ' .. text, 'Comment' } },
        virt_text_pos = 'eol',
      })
    end
  end)
end

local function on_attach(client, bufnr)
  local opts = { buffer = bufnr, silent = true }
  vim.keymap.set('n', 'K', vim.lsp.buf.hover, opts)
  vim.keymap.set('n', 'gd', vim.lsp.buf.definition, opts)
  vim.keymap.set('n', 'gr', vim.lsp.buf.references, opts)
  vim.keymap.set('n', '<leader>ca', vim.lsp.buf.code_action, opts)
  vim.keymap.set('n', '<leader>rn', vim.lsp.buf.rename, opts)
  vim.api.nvim_buf_set_option(bufnr, 'omnifunc', 'v:lua.vim.lsp.omnifunc')
  if M.user_on_attach then M.user_on_attach(client, bufnr) end
end

-- The hints change whenever the diagnostics do (each edit is checked
-- again), so they are asked for after each publishDiagnostics.
local function on_diagnostics(err, result, ctx, config)
  vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
  if result and result.uri then
    local bufnr = vim.uri_to_bufnr(result.uri)
    if vim.api.nvim_buf_is_loaded(bufnr) then M.inlay_hints(bufnr) end
  end
end

function M.setup(opts)
  opts = opts or {}
  M.cmd = opts.cmd or { 'sakip', 'lsp' }
  M.user_on_attach = opts.on_attach
  local group = vim.api.nvim_create_augroup('sakip_lsp', { clear = true })
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
    group = group, pattern = '*.sakip',
    callback = function() vim.bo.filetype = 'sakip' end,
  })
  vim.api.nvim_create_autocmd('FileType', {
    group = group, pattern = 'sakip',
    callback = function(args) M.attach(args.buf) end,
  })
end

-- Starts the server (once per folder) and attaches it to the buffer.
function M.attach(bufnr)
  local root = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h')
  M.clients = M.clients or {}
  local id = M.clients[root]
  if not id then
    id = vim.lsp.start_client({
      name = 'sakip',
      cmd = M.cmd,
      root_dir = root,
      on_attach = on_attach,
      handlers = { ['textDocument/publishDiagnostics'] = on_diagnostics },
    })
    M.clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
  return id
end

return M
