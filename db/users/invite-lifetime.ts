/** How long an invite link works. Free of database code: the users page tells admins. */
export const INVITE_LIFETIME_DAYS = 7;
