/** Stream names are `<aggregate>-<uuid>`. */
export type StreamCategory = 'user' | 'useremail' | 'userprofile' | 'profile' | 'job' | 'generation' | 'document' | 'documentslot' | 'application' | 'adminaccess' | 'notification' | 'notificationprefs' | 'savedsearch' | 'jobalert' | 'jobalertmatch' | 'jobalertdigest' | 'jobsource';

export const streamName = (category: StreamCategory, id: string): string => `${category}-${id}`;

export function streamCategory(stream_id: string): string {
  const dash = stream_id.indexOf('-');
  return dash < 0 ? stream_id : stream_id.slice(0, dash);
}

export function streamEntityId(stream_id: string): string {
  return stream_id.slice(stream_id.indexOf('-') + 1);
}
