import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ApiProvider } from './lib/api-context'
import { api } from './lib/bridge'
import { LanguageProvider } from './lib/i18n'
import './styles.css'

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LanguageProvider>
        <ApiProvider api={api}>
          <App />
        </ApiProvider>
      </LanguageProvider>
    </StrictMode>
  )
}
