// Before any module that defines a zod schema: see the file.
import './app/zodConfig.js'
// The shared styles first: feature stylesheets, imported by the components below, come later in the cascade and may refine them.
import './styles/base.css'
import './styles/layout.css'
import './styles/forms.css'
import './styles/components.css'
import './styles/dialog.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.js'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
