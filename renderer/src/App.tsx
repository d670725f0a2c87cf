// Placeholder until the desktop UI lands: the import flow runs from the CLI for now.
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem', maxWidth: 720 }}>
      <h1>Orderbatch</h1>
      <p>Send spreadsheets of orders to your InfluencerSoft shop, safely and resumably.</p>
      <p>The desktop screens are being built. Meanwhile, use the command line: <code>npx orderbatch help</code>.</p>
    </main>
  )
}
