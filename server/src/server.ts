// placeholder until the language server lands (issue 3)
export {};
