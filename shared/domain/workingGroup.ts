/** A thematic group of member organisations ("Cybercrime and human rights"), led by its chairs. */
export interface WorkingGroup {
  id: string
  name: string
  description: string
  memberOrganizationIds: string[]
  /** Users who chair the group. */
  chairUserIds: string[]
  createdAt: string
  updatedAt: string
}
