/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_TOMTICKET_SERVER: string;
}
