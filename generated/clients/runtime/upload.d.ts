import type { Transport } from "./transport.js";
import type { UploadedFile, UploadOptions } from "./types.js";
export declare function upload(http: Transport, field: string, file: Blob, options?: UploadOptions): Promise<UploadedFile>;
