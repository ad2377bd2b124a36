// Lets TypeScript accept the plain .css files that esbuild bundles into app.css.
declare module '*.css';
