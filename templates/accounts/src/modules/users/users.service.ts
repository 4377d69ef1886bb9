import { NotFoundError } from "../../core/errors.js";
import { type Page, type PageQuery, toPage } from "../../core/pagination.js";
import type { PublicUser, UsersRepository } from "./users.repository.js";

export class UsersService {
  constructor(private readonly repository: UsersRepository) {}

  async get(id: string): Promise<PublicUser> {
    const user = await this.repository.findById(id);
    if (!user) throw new NotFoundError(`User ${id} was not found.`);
    return user;
  }

  async list(query: PageQuery): Promise<Page<PublicUser>> {
    return toPage(await this.repository.list(query), query.limit);
  }
}
