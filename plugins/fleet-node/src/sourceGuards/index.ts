export {
  formatBytes,
  readCappedBody,
  readCappedMessage,
  ResponseTooLargeError,
  type CappedBodyMessage,
  type CappedBodyResponse,
  type CappedReadOptions,
} from './readCappedBody';
export { PageGuard, PagingError, type PageGuardOptions } from './PageGuard';
export {
  ALLOW_INSECURE_HTTP,
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_RESPONSE_BYTES,
  readCredentialUrl,
  readMaxResponseBytes,
  readSourceLimits,
  type SettingPath,
  type SourceLimits,
} from './readGuardConfig';
