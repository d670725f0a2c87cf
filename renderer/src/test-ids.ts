// Stable data-testid values, shared with the end-to-end tests so a renamed label never breaks them.

export const TID = {
  app: 'app',
  step: (id: string) => `step-${id}`,
  connectionBadge: 'connection-badge',
  sandboxBadge: 'sandbox-badge',
  language: 'language-switch',
  appearance: 'appearance-setting',
  errorMessage: 'error-message',
  counts: 'plan-counts',
  sheetIssues: 'sheet-issues',
  confirmDialog: 'confirm-dialog',
  confirmOk: 'confirm-ok',
  confirmCancel: 'confirm-cancel',

  connection: {
    login: 'connection-login',
    key: 'connection-key',
    keyStored: 'connection-key-stored',
    domain: 'connection-domain',
    customUrl: 'connection-custom-url',
    save: 'connection-save',
    useSandbox: 'connection-use-sandbox',
    test: 'connection-test',
    verdict: 'connection-verdict'
  },

  load: {
    dropZone: 'load-drop-zone',
    fileInput: 'load-file-input',
    progress: 'load-progress',
    summary: 'load-summary',
    sheet: 'load-sheet',
    encoding: 'load-encoding',
    delimiter: 'load-delimiter',
    headerRow: 'load-header-row',
    maxFileMb: 'load-max-file-mb',
    rawPreview: 'load-raw-preview',
    next: 'load-next'
  },

  map: {
    field: (key: string) => `map-field-${key}`,
    source: (key: string) => `map-source-${key}`,
    constant: (key: string) => `map-constant-${key}`,
    badge: (key: string) => `map-badge-${key}`,
    goodName: (i: number) => `map-good-${i}-name`,
    goodSum: (i: number) => `map-good-${i}-sum`,
    removeGood: (i: number) => `map-good-${i}-remove`,
    addGood: 'map-add-good',
    groupBy: 'map-group-by',
    shipped: 'map-shipped',
    ambiguity: (field: string) => `map-ambiguity-${field}`,
    sourcePanel: 'map-source-panel',
    recognized: 'map-recognized',
    grouping: 'map-grouping',
    guess: (field: string) => `map-guess-${field}`,
    times: 'map-times',
    quantity: 'map-quantity',
    previewOrder: 'map-preview-order',
    previewFields: 'map-preview-fields',
    previewBody: 'map-preview-body',
    templateName: 'map-template-name',
    templateSave: 'map-template-save',
    next: 'map-next'
  },

  products: {
    catalog: 'products-catalog',
    refresh: 'products-refresh',
    goOn: 'products-go-on',
    table: 'products-table',
    line: (value: string) => `products-line-${value}`,
    pick: (value: string) => `products-pick-${value}`,
    useOffer: (value: string) => `products-use-${value}`,
    forget: (value: string) => `products-forget-${value}`,
    stopped: 'products-stopped',
    next: 'products-next'
  },

  review: {
    grid: 'review-grid',
    problemsOnly: 'review-problems-only',
    row: (row: number) => `review-row-${row}`,
    cell: (row: number, column: number) => `review-cell-${row}-${column}`,
    include: (row: number) => `review-include-${row}`,
    editor: 'review-cell-editor',
    panel: 'review-row-panel',
    next: 'review-next'
  },

  send: {
    rate: 'send-rate',
    concurrency: 'send-concurrency',
    start: 'send-start',
    pause: 'send-pause',
    resume: 'send-resume',
    cancel: 'send-cancel',
    progress: 'send-progress',
    eta: 'send-eta',
    log: 'send-log',
    notice: 'send-notice',
    result: 'send-result'
  },

  history: {
    runs: 'history-runs',
    run: (runId: number) => `history-run-${runId}`,
    orders: 'history-orders',
    order: (ordinal: number) => `history-order-${ordinal}`,
    stateFilter: (state: string) => `history-filter-${state}`,
    resolve: (ordinal: number) => `history-resolve-${ordinal}`,
    editFailed: (ordinal: number) => `history-edit-${ordinal}`,
    editCell: (row: number, column: number) => `history-edit-cell-${row}-${column}`,
    resume: 'history-resume',
    retryFailed: 'history-retry-failed',
    fixedFile: 'history-fixed-file',
    exportDelimiter: 'history-export-delimiter',
    exportFormat: 'history-export-format',
    exportOnly: 'history-export-only',
    export: 'history-export',
    undo: 'history-undo'
  }
} as const
