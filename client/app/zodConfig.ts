import { z } from 'zod'

// Zod compiles object parsers with `new Function` unless told not to, and decides
// so when each schema is created. The CSP allows no eval, so compiling would fail
// anyway, and even Zod's probe for it is reported as a CSP violation. main.tsx
// imports this module first, before any module that creates a schema.
z.config({ jitless: true })
