import { createContext, useContext } from "react";

/** The nonce of this response's scripts: set on the server; the browser has no use for it. */
export const NonceContext = createContext<string | undefined>(undefined);

export const useNonce = () => useContext(NonceContext);
