/** The collaboration endpoint on the page's own host, so the CSP's `connect-src` allows it and the session cookie goes along. */
export function collabServerUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`
}
