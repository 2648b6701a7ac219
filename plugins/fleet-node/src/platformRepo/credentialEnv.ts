/**
 * Git reads extra configuration from GIT_CONFIG_COUNT/KEY_n/VALUE_n: the credential
 * reaches git through its environment, never its command line, and never the disk.
 */
export function credentialEnv(authorization: string): Record<string, string> {
  return {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'http.extraHeader',
    GIT_CONFIG_VALUE_0: `Authorization: ${authorization}`,
  };
}
