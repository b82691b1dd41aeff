import { BadRequestException, Body, Controller, Get, HttpCode, HttpException, HttpStatus, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsoleAccess, CSRF_COOKIE, MAX_PASSWORD_LENGTH, parseCookies, SESSION_COOKIE } from '@idx/access';
import { apiSchemaRef, type AuthMeDto, type ConsoleUserDto } from '@idx/contracts';
import { ApiErrorAnswers } from '@idx/nest-platform';
import type { Request, Response } from 'express';
import { type AccessRequest, Public } from './access.decorators';
import { clearSessionCookie, setAnonymousCsrfCookie, setSessionCookies } from './session-cookies';

const clientIp = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

function credentials(body: unknown): { username: string; password: string } {
  const b = (body ?? {}) as { username?: unknown; password?: unknown };
  if (typeof b.username !== 'string' || b.username.length === 0 || b.username.length > 64) throw new BadRequestException({ reason: 'username: is required (at most 64 characters)' });
  if (typeof b.password !== 'string' || b.password.length === 0 || b.password.length > MAX_PASSWORD_LENGTH) {
    throw new BadRequestException({ reason: `password: is required (at most ${MAX_PASSWORD_LENGTH} characters)` });
  }
  return { username: b.username, password: b.password };
}

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly access: ConsoleAccess) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with a username and password: sets the qd766_session and qd766_csrf cookies (send x-csrf-token = qd766_csrf first, from GET /auth/me)' })
  @ApiBody({ schema: apiSchemaRef('LoginRequest') })
  @ApiOkResponse({ description: 'Signed in: the account (cookies set)', schema: apiSchemaRef('ConsoleUser') })
  @ApiErrorAnswers({ 400: 'No username or password, or one too long', 401: 'Wrong username or password, or a disabled account', 403: 'Missing or wrong x-csrf-token', 429: 'Too many failed sign-ins for this account or IP; Retry-After says when' })
  async login(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ConsoleUserDto> {
    const outcome = await this.access.login({ ...credentials(body), ip: clientIp(req) });
    switch (outcome.kind) {
      case 'throttled':
        res.setHeader('Retry-After', String(Math.ceil(outcome.retryAfterMs / 1000)));
        throw new HttpException({ reason: outcome.reason }, HttpStatus.TOO_MANY_REQUESTS);
      case 'refused':
        throw new UnauthorizedException({ reason: outcome.reason });
      case 'signed-in':
        setSessionCookies(res, req, this.access.settings, outcome.session);
        return outcome.principal;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session and clears its cookie' })
  @ApiBody({ required: false, schema: apiSchemaRef('NoBody') })
  @ApiNoContentResponse({ description: 'Signed out (also when no session was open)' })
  @ApiErrorAnswers({ 403: 'Missing or wrong x-csrf-token' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.access.logout(parseCookies(req.headers.cookie)[SESSION_COOKIE], clientIp(req));
    clearSessionCookie(res, req, this.access.settings);
    setAnonymousCsrfCookie(res, req, this.access.settings);
  }

  @Get('me')
  @Public()
  @ApiOperation({ summary: 'Who is signed in (user: null when nobody), and whether reads are public; issues the CSRF cookie when missing' })
  @ApiOkResponse({ description: 'The account signed in, or user: null', schema: apiSchemaRef('AuthMe') })
  me(@Req() req: AccessRequest, @Res({ passthrough: true }) res: Response): AuthMeDto {
    if (!parseCookies(req.headers.cookie)[CSRF_COOKIE]) setAnonymousCsrfCookie(res, req, this.access.settings);
    res.setHeader('Cache-Control', 'no-store');
    return { user: req.principal ?? null, readsPublic: this.access.settings.readsPublic };
  }
}
