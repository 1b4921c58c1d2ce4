// Background service worker. Settings and policy handling arrive with the settings issue;
// for now the worker only proves that the MV3 package loads.
export {};
