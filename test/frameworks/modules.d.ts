/**
 * Types for what the framework tests import without a types package: react-dom (no @types/react-dom
 * installed) and Vue's browser build, which compiles templates at runtime.
 */
declare module 'react-dom/client' {
  import type {ReactNode} from 'react';

  interface Root {
    render(children: ReactNode): void;
    unmount(): void;
  }
  const client: {createRoot(container: Element): Root};
  export default client;
}

declare module 'react-dom' {
  const dom: {flushSync<R>(update: () => R): R};
  export default dom;
}

declare module 'vue/dist/vue.esm-browser.js' {
  export * from 'vue';
}
